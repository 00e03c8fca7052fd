/**
 * @module server/openapi
 * The OpenAPI 3.1 document of the API, generated: the paths from the route table
 * (contract/routes.ts), the component schemas from the same zod schemas that check requests
 * (`z.toJSONSchema` over the `apiSchemas` registry). Nothing here is written per route.
 */
import { z } from 'zod';
import { apiSchemas } from '../contract/index.js';
import { BODY_LIMITS } from './body-limits.js';
import { IDEMPOTENCY_HEADER } from './idempotency.js';
import { TIME_ZONE_HEADER } from '../contract/headers.js';
import { API_ROUTES, openApiPath, splitRouteKey } from '../contract/routes.js';
import type { RouteContract } from '../contract/routes.js';

type Json = Record<string, unknown>;

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: Json, description = 'OK'): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (statuses: readonly number[], notes: Readonly<Record<number, string>> = {}): Record<string, Json> => {
  const descriptions: Record<number, string> = {
    400: 'Invalid input (INVALID_INPUT, IMPORT_INVALID), a query parameter the route does not take among it; `problems` names each field',
    403: 'Not allowed (FORBIDDEN)',
    404: 'Unknown id (NOT_FOUND), with suggestions in the message',
    409: 'Conflict with stored data (CONFLICT)',
    413: 'The body is over the route\'s limit (TOO_LARGE); for a posting, the problem is { path: "text", message: "too-long" }',
    422: 'The plan cannot be made (UNREACHABLE)',
    500: 'Storage or internal error (STORAGE, INTERNAL)',
    503: 'The database is unavailable or busy (UNAVAILABLE); retry after the Retry-After seconds',
  };
  return Object.fromEntries(
    [...statuses, 500, 503].map((s) => [String(s), json(ref('Error'), notes[s] ?? descriptions[s] ?? 'Error')]),
  );
};

const idempotencyKey: Json = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    'Any write accepts it: a retry with the same key and request gets the first answer again (Idempotent-Replayed: true) and changes nothing; the same key with another request is 409. Kept 24 h.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const timeZone: Json = {
  name: TIME_ZONE_HEADER,
  in: 'header',
  required: false,
  description:
    "The IANA time zone the learner's day is counted in (today, the current week, the date of hours logged without one); without it, the learner's study time zone where the profile has study days, else the server's local date. Not an IANA zone: 400.",
  schema: { type: 'string', maxLength: 64, examples: ['Asia/Shanghai'] },
};

/** What a route that takes no query answers for a query parameter (server/validate.ts, `checkQueries`). */
const NO_QUERY_NOTE = 'A query parameter, which this route does not take (INVALID_INPUT); `problems` names it';

/**
 * A route's error answers: its row's, with 400 for every /api route, which refuses a query
 * parameter it does not take (the calendar feed, outside /api, is left to the calendar apps).
 */
function errorsOf(path: string, route: RouteContract): Record<string, Json> {
  const listed = route.errors ?? [];
  if (!path.startsWith('/api/') || listed.includes(400)) return errors(listed, route.errorNotes);
  const notes: Record<number, string> = route.query ? {} : { 400: NO_QUERY_NOTE };
  return errors([400, ...listed], { ...notes, ...route.errorNotes });
}

/** `GET /api/projects/:id` → `DeleteProjectsIdResponse`-style component ids for unnamed answers. */
function componentId(key: string, suffix: string): string {
  const { method, path } = splitRouteKey(key);
  const words = [method.toLowerCase(), ...path.split(/[^A-Za-z0-9]+/).filter((w) => w !== '' && w !== 'api')];
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') + suffix;
}

/** A schema's place in the document: its component, registered under a route-made id when it has none. */
function schemaRef(schema: z.ZodType, key: string, suffix: string): Json {
  const meta = apiSchemas.get(schema);
  if (meta) return ref(meta.id);
  const id = componentId(key, suffix);
  schema.register(apiSchemas, { id });
  return ref(id);
}

function parameters(key: string, route: RouteContract): Json[] {
  const { path } = splitRouteKey(key);
  const params: Json[] = [...path.matchAll(/:([A-Za-z_]\w*)/g)].map(([, name = '']) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(route.params?.[name] ? { description: route.params[name] } : {}),
  }));
  if (route.query) {
    const schema = z.toJSONSchema(route.query, { io: 'input' }) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property;
      params.push({
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        schema: rest,
        ...(typeof description === 'string' ? { description } : {}),
      });
    }
  }
  return params;
}

/**
 * The paths object, one operation per row of the route table (contract/routes.ts); the rows
 * marked `serverOnly` only when the server runs with accounts.
 */
function paths(serverMode: boolean): Json {
  const out: Record<string, Record<string, Json>> = {};
  for (const [key, row] of Object.entries(API_ROUTES)) {
    const route: RouteContract = row;
    if (route.serverOnly === true && !serverMode) continue;
    const { method, path } = splitRouteKey(key);
    const responses: Record<string, Json> = {};
    if (route.response) responses['200'] = json(schemaRef(route.response, key, 'Response'));
    if (route.files) {
      responses['200'] = {
        description: 'The file',
        content: Object.fromEntries(route.files.map((type) => [type, { schema: { type: 'string' } }])),
      };
    }
    for (const [status, other] of Object.entries(route.other ?? {})) {
      responses[status] = other.schema
        ? json(schemaRef(other.schema, key, `Response${status}`), other.description)
        : { description: other.description };
    }
    // Every learner write takes an Idempotency-Key (server/idempotency.ts); every learner route the
    // learner's time zone (server/context.ts).
    const params = [
      ...parameters(key, route),
      ...(method !== 'GET' && !route.open ? [idempotencyKey] : []),
      ...(route.open ? [] : [timeZone]),
    ];
    const operation: Json = {
      summary: route.summary,
      ...(route.tag ? { tags: [route.tag] } : {}),
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: route.bodyOptional !== true,
              description: `At most ${BODY_LIMITS[route.bodyLimit ?? 'api']} bytes`,
              content: { 'application/json': { schema: schemaRef(route.body, key, 'Body') } },
            },
          }
        : {}),
      responses: { ...errorsOf(path, route), ...responses },
    };
    const openPath = openApiPath(path);
    out[openPath] = { ...out[openPath], [method.toLowerCase()]: operation };
  }
  return out;
}

/** Component schemas from the zod registry, without the per-schema `$schema`/`$id` keys. */
function componentSchemas(): Record<string, Json> {
  const generated = z.toJSONSchema(apiSchemas, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const schemas: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Json;
    schemas[id] = rest;
  }
  return schemas;
}

/**
 * The document; `serverMode` (the server runs with accounts) adds the routes only the multi-user
 * server has (the account routes themselves are added by auth-openapi.ts).
 */
export function openApiDocument(version: string, serverMode = false): Json {
  const generatedPaths = paths(serverMode);
  return {
    openapi: '3.1.0',
    info: {
      title: 'mlpath API',
      version,
      description:
        'A dated, explained, trackable plan to machine-learning engineer. Every failure answers ' +
        "`{ error: { code, message, problems } }`. The learner is the session's (locally, the default learner).",
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    // The paths first: they name the answers that have no component yet.
    paths: generatedPaths,
    components: { schemas: componentSchemas() },
  };
}
