/**
 * Progress is never lost: real processes writing through the CLI, killed with SIGKILL at random
 * moments, many times over; and two processes writing at once.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite.js';
import { tempDir } from './test-support/databases.js';

const WRITER = fileURLToPath(new URL('./test-support/writer.ts', import.meta.url));
const KILLS = 30;

const dir = tempDir('mlpath-kill-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Child {
  acked: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
  firstAck: Promise<void>;
  stderr(): string;
}

function startWriter(home: string, label: string, count?: number): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WRITER, label, ...(count === undefined ? [] : [String(count)])],
    {
      env: { ...process.env, MLPATH_HOME: home, MLPATH_LANG: 'en', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const acked: string[] = [];
  let buffer = '';
  let err = '';
  let resolveFirst: () => void = () => undefined;
  const firstAck = new Promise<void>((resolve) => {
    resolveFirst = resolve;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.startsWith('ack ')) {
        acked.push(line.slice(4));
        resolveFirst();
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      resolveFirst();
      resolve({ code, signal });
    }),
  );
  return { acked, exited, kill: () => child.kill('SIGKILL'), firstAck, stderr: () => err };
}

function integrity(file: string): string {
  const db = new BetterSqlite3(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

async function storedIds(file: string): Promise<Set<string>> {
  const store = await openSqliteStore(file);
  try {
    return new Set((await store.listEvents('local')).map((e) => e.id));
  } finally {
    await store.close();
  }
}

describe('progress survives SIGKILL', () => {
  it(`keeps every acknowledged event through ${KILLS} kills in the middle of writing, and the database stays sound`, async () => {
    const home = join(dir, 'kills');
    const file = join(home, 'mlpath.db');
    const acknowledged: string[] = [];
    let killedWhileWriting = 0;
    for (let round = 0; round < KILLS; round++) {
      const writer = startWriter(home, `r${round}`);
      await writer.firstAck;
      // Let it write for a random while (a seeded spread over 0-120 ms), then kill it mid-stream.
      await new Promise((resolve) => setTimeout(resolve, (round * 37) % 120));
      writer.kill();
      const exit = await writer.exited;
      expect(exit.signal, writer.stderr()).toBe('SIGKILL');
      if (writer.acked.length > 0) killedWhileWriting++;
      acknowledged.push(...writer.acked);
      expect(integrity(file)).toBe('ok');
      const ids = await storedIds(file);
      const missing = acknowledged.filter((id) => !ids.has(id));
      expect(missing, `round ${round}: acknowledged events missing`).toEqual([]);
    }
    expect(killedWhileWriting).toBe(KILLS);
    expect(acknowledged.length).toBeGreaterThan(KILLS);
    console.log(`SIGKILL test: ${KILLS} kills survived, ${acknowledged.length} acknowledged events all present`);
  }, 240_000);

  it('loses no event when two processes write at once', async () => {
    const home = join(dir, 'two');
    const a = startWriter(home, 'a', 60);
    const b = startWriter(home, 'b', 60);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea.code, a.stderr()).toBe(0);
    expect(eb.code, b.stderr()).toBe(0);
    const ids = await storedIds(join(home, 'mlpath.db'));
    expect(a.acked).toHaveLength(60);
    expect(b.acked).toHaveLength(60);
    expect(ids.size).toBe(120);
    for (const id of [...a.acked, ...b.acked]) expect(ids.has(id)).toBe(true);
    expect(integrity(join(home, 'mlpath.db'))).toBe('ok');
  }, 120_000);
});
