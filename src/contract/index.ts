/**
 * @module contract
 * The one contract: every shape that crosses a boundary (the profile, progress events, projects,
 * the backup, every API request and answer) as a zod 4 schema, its bounds the core's constants,
 * its TypeScript type `z.infer` of it. The store's backup import, the API, the CLI and the web app
 * all read these; nothing re-declares them. Imports only the core (and zod), so any layer and the
 * web app may use it.
 */
export * from './common.js';
export * from './profile.js';
export * from './events.js';
export * from './backup.js';
export * from './api.js';
export * from './cohorts.js';
export { LIMITS } from './limits.js';
export * from './progress-summary.js';
export * from './progress-changes.js';
