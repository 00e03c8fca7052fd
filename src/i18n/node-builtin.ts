/**
 * @module i18n/node-builtin
 * A Node built-in module found when first needed, not imported: the catalogue reads its files and
 * loads i18next with them under Node, while the web app's build imports the same modules (through
 * the core's errors) and never runs those paths. An import of `node:fs` would tie it to Node.
 */

/** Node's built-in module `id` (`node:fs`, …), typed as the caller describes it. @throws Error outside Node. */
export function nodeBuiltin<T>(id: string): T {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const get = runtime?.getBuiltinModule;
  if (!get) throw new Error(`${id}: the catalogue's files are read under Node (20.16 or later) only`);
  return get.call(runtime, id) as T;
}
