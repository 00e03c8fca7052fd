/**
 * @module server/auth-openapi
 * The account routes (AUTH_ROUTES) in the OpenAPI document, added when the server runs with
 * accounts. Their bodies are the authentication library's; failures take our error shape.
 */
import { API_ROUTES, openApiPath, splitRouteKey } from '../contract/routes.js';
import type { RouteContract } from '../contract/routes.js';
import { AUTH_LIMITS } from './auth-limits.js';
import { AUTH_ROUTES } from './auth.js';

type Json = Record<string, unknown>;

const error = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const object = (properties: Record<string, Json>, required: string[]): Json => ({
  type: 'object',
  properties,
  required,
});
const email = { type: 'string', format: 'email' };
const password = { type: 'string', minLength: AUTH_LIMITS.passwordMin, maxLength: AUTH_LIMITS.passwordMax };

const SUMMARIES: Record<(typeof AUTH_ROUTES)[number]['path'], { summary: string; body?: Json }> = {
  'sign-up/email': {
    summary: 'Create an account and sign in (sets the session cookie)',
    body: object({ name: { type: 'string' }, email, password }, ['name', 'email', 'password']),
  },
  'sign-in/email': {
    summary: 'Sign in (sets the httpOnly, SameSite=Lax session cookie; Secure behind https)',
    body: object({ email, password: { type: 'string' } }, ['email', 'password']),
  },
  'sign-out': { summary: 'End this session' },
  'get-session': { summary: 'The signed-in user and session, or null' },
  'list-sessions': { summary: "The signed-in user's sessions" },
  'revoke-session': { summary: 'End one of your sessions', body: object({ token: { type: 'string' } }, ['token']) },
  'revoke-other-sessions': { summary: 'End all your other sessions' },
  'change-password': {
    summary: 'Change your password',
    body: object(
      { currentPassword: { type: 'string' }, newPassword: password, revokeOtherSessions: { type: 'boolean' } },
      ['currentPassword', 'newPassword'],
    ),
  },
};

/** The document with the account routes added, and 401 named on every other learner route. */
export function withAccountRoutes(document: Json): Json {
  const paths: Record<string, Record<string, Json>> = {
    ...(document['paths'] as Record<string, Record<string, Json>>),
  };
  for (const route of AUTH_ROUTES) {
    const { summary, body } = SUMMARIES[route.path];
    const key = `/api/auth/${route.path}`;
    paths[key] = {
      ...paths[key],
      [route.method.toLowerCase()]: {
        summary,
        tags: ['accounts'],
        ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
        responses: {
          200: { description: 'Done (the library’s JSON body)' },
          400: error('Invalid input (INVALID_INPUT)'),
          401: error('Wrong email or password, or no session (UNAUTHENTICATED)'),
          403: error('Another site, or a disabled account (FORBIDDEN)'),
          429: error('Too many attempts (RATE_LIMITED); see Retry-After'),
        },
      },
    };
  }
  // The routes that need no session, from the route table.
  const open = new Set(
    Object.entries(API_ROUTES)
      .filter(([, route]: [string, RouteContract]) => route.open === true)
      .map(([key]) => openApiPath(splitRouteKey(key).path)),
  );
  for (const [path, methods] of Object.entries(paths)) {
    if (open.has(path) || path.startsWith('/api/auth/')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const responses = (operation['responses'] ?? {}) as Json;
      methods[method] = {
        ...operation,
        responses: { ...responses, 401: error('No session: sign in (UNAUTHENTICATED)') },
      };
    }
  }
  return { ...document, paths };
}
