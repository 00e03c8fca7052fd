/**
 * @module server/routes/exchange
 * GET /api/export?format=ics|md|json (downloads) and POST /api/import?merge=true|false (a JSON
 * backup). An import is validated in full before anything is written; into a learner who has
 * data it needs `merge=true`, which keeps what is there and adds what is new (by id).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BODY_LIMITS } from '../body-limits.js';
import { MlpathError } from '../../core/errors.js';
import { EXPORT_FILES, exportText, importBackup, readBackup } from '../../learner/exchange.js';
import type { AppDeps, AppEnv } from '../context.js';
import { learnerContext } from '../context.js';
import { ExportQuery, ImportQuery } from '../../contract/index.js';
import { parseQuery, readJsonText } from '../validate.js';
import { json } from '../answers.js';

/** The import's body limit (BODY_LIMITS.import). */
export const IMPORT_LIMIT_BYTES = BODY_LIMITS.import;

export function exchangeRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/export', async (c) => {
    const query = parseQuery(c, ExportQuery);
    const text = await exportText(learnerContext(deps, c), { format: query.format, locale: query.locale });
    const file = EXPORT_FILES[query.format];
    return c.body(text, 200, {
      'Content-Type': file.type,
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'Cache-Control': 'no-store',
    });
  });

  routes.post(
    '/import',
    bodyLimit({
      maxSize: IMPORT_LIMIT_BYTES,
      onError: () => {
        throw new MlpathError({
          code: 'TOO_LARGE',
          key: 'backup.tooLarge',
          params: { size: IMPORT_LIMIT_BYTES / 1024 / 1024 },
        });
      },
    }),
    async (c) => {
      const query = parseQuery(c, ImportQuery);
      const backup = readBackup(await readJsonText(c), { key: 'import.uploaded' }, deps.curriculum);
      const result = await importBackup(learnerContext(deps, c), { backup, merge: query.merge });
      return json(c, {
        imported: { events: result.eventsAdded, projects: result.projectsAdded, postings: result.postingsAdded },
        undoable: false,
        unknownItems: result.unknownItems,
      });
    },
  );

  return routes;
}
