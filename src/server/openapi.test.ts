import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES, splitRouteKey } from '../contract/routes.js';
import type { RouteContract } from '../contract/routes.js';
import { BODY_LIMITS, bodyLimitOf } from './body-limits.js';
import { accountsHarness, send, signUp } from './test-support/accounts.js';
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

/**
 * The routes the app registers, as `METHOD /path` in OpenAPI's path syntax: every handler that
 * answers a method (middleware is registered for ALL methods) except the web app's catch-all.
 */
function registeredRoutes(app: Harness['app']): string[] {
  const keys = app.routes
    .filter((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*')
    .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`);
  return [...new Set(keys)].sort();
}

function documentedRoutes(d: Doc): string[] {
  return Object.entries(d.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every route the app registers, and no other', async () => {
    const d = await doc();
    expect(d.openapi).toBe('3.1.0');
    expect(d.info.version).toBe('9.9.9-test');
    const registered = registeredRoutes(h.app);
    // The app's own routes, read from Hono: a route added without its row in contract/routes.ts fails here.
    expect(registered).toContain('GET /api/plan');
    expect(registered).toContain('DELETE /api/projects/{id}');
    expect(registered.length).toBeGreaterThan(25);
    expect(documentedRoutes(d)).toEqual(registered);
  });

  it('documents every route of the app with accounts too, the account and cohort routes among them', async () => {
    const accounts = await accountsHarness();
    try {
      const { status, json } = await client(accounts.app).get('/api/openapi.json');
      expect(status).toBe(200);
      const registered = registeredRoutes(accounts.app);
      expect(registered).toContain('POST /api/auth/sign-in/email');
      expect(registered).toContain('PUT /api/cohorts/{id}/members/{member}/role');
      expect(documentedRoutes(json as Doc)).toEqual(registered);
    } finally {
      await accounts.close();
    }
  });

  it('lists the server-only rows of the table (cohorts) with accounts only, with their schemas', async () => {
    const serverOnly = Object.entries(API_ROUTES)
      .filter(([, row]: [string, RouteContract]) => row.serverOnly === true)
      .map(([key]) => key);
    expect(serverOnly).toContain('GET /api/cohorts');
    const local = documentedRoutes(await doc());
    expect(local.filter((r) => r.includes('/api/cohorts'))).toEqual([]);
    const accounts = await accountsHarness();
    try {
      const d = (await client(accounts.app).get('/api/openapi.json')).json as Doc;
      const list = d.paths['/api/cohorts']?.['get'] as { tags: string[]; responses: Record<string, unknown> };
      expect(list.tags).toEqual(['cohorts']);
      expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '401', '500', '503']));
      expect(JSON.stringify(list.responses['200'])).toContain('#/components/schemas/CohortList');
      const join = d.paths['/api/cohorts/join']?.['post'] as { requestBody: { content: unknown } };
      expect(JSON.stringify(join.requestBody.content)).toContain('#/components/schemas/CohortJoinInput');
      expect(JSON.stringify(d.components.schemas['CohortInput'])).toContain('"maxLength":80');
      for (const ref of refsIn(d)) {
        expect(d.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
      }
      // The parameterless GETs among them answer a signed-in learner with a body their schema reads.
      const { cookie } = await signUp(accounts.app, {
        name: 'Contract Reader',
        email: `contract-${Date.now()}@example.org`,
        password: 'a-long-enough-password',
      });
      for (const key of serverOnly) {
        const route: RouteContract = API_ROUTES[key as keyof typeof API_ROUTES];
        const { method, path } = splitRouteKey(key);
        if (method !== 'GET' || path.includes(':') || !route.response) continue;
        const reply = await send(accounts.app, method, path, { cookie });
        expect(reply.status, key).toBe(200);
        const parsed = route.response.safeParse(reply.json);
        expect(parsed.success, `${key}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      }
    } finally {
      await accounts.close();
    }
  });

  it('answers every JSON route of the table with a body its response schema reads', async () => {
    const d = await doc();
    for (const [key, row] of Object.entries(API_ROUTES)) {
      const route: RouteContract = row;
      const { method, path } = splitRouteKey(key);
      // The server-only rows are read with accounts (below in the test above).
      if (method !== 'GET' || path.includes(':') || !route.response || route.query || route.serverOnly) continue;
      const res = await h.app.request(path, { method });
      expect(res.status, key).toBe(200);
      const parsed = route.response.safeParse(await res.json());
      expect(parsed.success, `${key}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
    expect(d.paths['/api/plan']).toBeDefined();
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
    expect(JSON.stringify(profile.properties['hoursPerWeek'])).toContain('"minimum":0.5');
    expect(JSON.stringify(profile.properties['hoursPerWeek'])).toContain('"maximum":100');
    expect(JSON.stringify(d.components.schemas['ProgressEventInput'])).toContain('"const":"hours"');
  });

  it('documents a 400 on every /api route, which refuses a query parameter it does not take', async () => {
    const d = await doc();
    const operations = Object.entries(d.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        path,
        method,
        op: op as { responses: Record<string, unknown> },
      })),
    );
    expect(operations.length).toBeGreaterThan(20);
    for (const { path, method, op } of operations.filter((o) => o.path.startsWith('/api/')))
      expect(Object.keys(op.responses), `${method} ${path}`).toContain('400');
    const plan = d.paths['/api/plan']?.['get'] as { responses: Record<string, { description: string }> };
    expect(plan.responses['400']?.description).toContain('does not take');
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

describe('body limits', () => {
  it('come from each route’s row of the table, accounts and unknown routes aside', async () => {
    expect(bodyLimitOf('POST', '/api/jobs')).toBe('jobs');
    expect(bodyLimitOf('POST', '/api/jobs/analyze')).toBe('jobs');
    expect(bodyLimitOf('POST', '/api/import')).toBe('import');
    expect(bodyLimitOf('PUT', '/api/projects/some-app/links')).toBe('api');
    expect(bodyLimitOf('POST', '/api/auth/sign-in/email')).toBe('auth');
    expect(bodyLimitOf('POST', '/api/no-such-route')).toBe('api');
    const big = { startingPoint: 'from-scratch', known: Array.from({ length: 400 }, () => 'k'.repeat(200)) };
    const res = await client(h.app).put('/api/profile', big);
    expect(res.status).toBe(413);
    const d = await doc();
    const put = d.paths['/api/profile']?.['put'] as { requestBody: { description: string } };
    expect(put.requestBody.description).toBe(`At most ${BODY_LIMITS.api} bytes`);
  });
});
