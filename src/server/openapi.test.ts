import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, harness } from './test-support/harness.js';
import type { Harness } from './test-support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

async function doc(): Promise<Doc> {
  const { status, json } = await client(h.app).get('/api/openapi.json');
  expect(status).toBe(200);
  return json as Doc;
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every route of the API contract', async () => {
    const d = await doc();
    expect(d.openapi).toBe('3.1.0');
    expect(d.info.version).toBe('9.9.9-test');
    const operations = Object.entries(d.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/mode',
        'GET /api/calendar',
        'POST /api/calendar/rotate',
        'GET /api/curriculum',
        'GET /api/profile',
        'PUT /api/profile',
        'POST /api/plan/preview',
        'GET /api/plan',
        'GET /api/progress',
        'POST /api/progress/events',
        'POST /api/progress/undo',
        'GET /api/review',
        'POST /api/review/ratings',
        'GET /api/status',
        'GET /api/today',
        'GET /api/projects',
        'POST /api/projects',
        'DELETE /api/projects/{id}',
        'POST /api/projects/{id}/rubric',
        'PUT /api/projects/{id}/links',
        'GET /api/export',
        'POST /api/import',
        'POST /api/jobs/analyze',
        'GET /api/jobs',
        'POST /api/jobs',
        'GET /api/jobs/plan',
        'DELETE /api/jobs/{id}',
        'GET /api/sync/state',
        'GET /api/sync/events',
        'POST /api/sync',
        'GET /api/openapi.json',
      ].sort(),
    );
  });

  it('has every $ref resolve to a component schema, without per-schema $schema or $id', async () => {
    const d = await doc();
    const refs = refsIn(d);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const id = ref.replace('#/components/schemas/', '');
      expect(d.components.schemas[id], ref).toBeDefined();
    }
    for (const schema of Object.values(d.components.schemas)) {
      expect(schema['$schema']).toBeUndefined();
      expect(schema['$id']).toBeUndefined();
    }
  });

  it('carries the request checks of the zod schemas, so the contract and the checks agree', async () => {
    const d = await doc();
    const profile = d.components.schemas['ProfileInput'] as {
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(profile.required).toEqual(['startingPoint']);
    expect(profile.additionalProperties).toBe(false);
    expect(JSON.stringify(profile.properties['hoursPerWeek'])).toContain('"exclusiveMinimum":0');
    expect(JSON.stringify(profile.properties['hoursPerWeek'])).toContain('"maximum":100');
    expect(JSON.stringify(d.components.schemas['ProgressEventInput'])).toContain('"const":"hours"');
  });

  it('documents only routes that exist', async () => {
    const d = await doc();
    for (const [path, methods] of Object.entries(d.paths)) {
      for (const method of Object.keys(methods)) {
        const res = await h.app.request(path.replace('{id}', 'x'), { method: method.toUpperCase() });
        const body = await res.text();
        expect(body, `${method} ${path}`).not.toContain('no such API route');
      }
    }
  });
});
