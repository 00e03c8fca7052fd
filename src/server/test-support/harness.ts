/**
 * @module server/test-support/harness
 * A real app over a real SQLite file in a fresh temporary folder, with the clock pinned.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Curriculum } from '../../core/model.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import { createApp } from '../app.js';
import type { AppEnv } from '../context.js';
import { fixtureCurriculum } from './fixture-curriculum.js';

export interface Harness {
  readonly app: Hono<AppEnv>;
  readonly store: Store;
  readonly curriculum: Curriculum;
  readonly dir: string;
  /** Move the pinned clock. */
  setNow(instant: string): void;
  close(): Promise<void>;
}

/** Noon, so the calendar date is the same in any time zone a test runs in. */
export const TEST_NOW = '2026-03-04T12:00:00.000Z';

export async function harness(
  options: { curriculum?: Curriculum; now?: string; webDist?: string } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mlpath-api-'));
  const store = await openSqliteStore(join(dir, 'mlpath.db'));
  const curriculum = options.curriculum ?? fixtureCurriculum();
  let now = new Date(options.now ?? TEST_NOW);
  const app = createApp({ store, curriculum, clock: () => now, webDist: options.webDist, version: '9.9.9-test' });
  return {
    app,
    store,
    curriculum,
    dir,
    setNow: (instant) => {
      now = new Date(instant);
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON request helpers over `app.request`. */
export function client(app: Hono<AppEnv>) {
  const send = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; res: Response }> => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const res = await app.request(path, init);
    const text = await res.clone().text();
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, res };
  };
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body),
    put: (path: string, body?: unknown) => send('PUT', path, body),
    delete: (path: string) => send('DELETE', path),
  };
}
