/**
 * @module server/routes/exchange
 * GET /api/export?format=ics|md|json (downloads) and POST /api/import?merge=true|false (a JSON
 * backup). An import is validated in full before anything is written; into a learner who has
 * data it needs `merge=true`, which keeps what is there and adds what is new (by id).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MlpathError } from '../../core/errors.js';
import { chooseRoute } from '../../core/planner/index.js';
import { foldProgress, progressStats } from '../../core/progress.js';
import { backupToJson, parseBackup } from '../../export/backup.js';
import { progressToMarkdown } from '../../export/markdown.js';
import { calendarFile } from '../../learner/calendar.js';
import { backupOf, projectTicks, restoreBackup } from '../../store/backup.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ExportQuery, ImportQuery } from '../schemas.js';
import { parseQuery, readJsonText } from '../validate.js';

/** A backup of years of daily events is a few megabytes; this leaves ample room. */
export const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

const FILES = {
  ics: { name: 'mlpath-plan.ics', type: 'text/calendar; charset=utf-8' },
  md: { name: 'mlpath-progress.md', type: 'text/markdown; charset=utf-8' },
  json: { name: 'mlpath-backup.json', type: 'application/json; charset=utf-8' },
} as const;

export function exchangeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, curriculum, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/export', async (c) => {
    const query = parseQuery(c, ExportQuery);
    const learner = c.get('learner').id;
    const now = clock();
    const profile = await store.getProfile(learner);
    const locale = query.locale ?? profile?.locale ?? curriculum.meta.locales[0] ?? 'en';
    let text: string;
    if (query.format === 'json') {
      text = backupToJson(await backupOf(store, learner, now.toISOString()));
    } else if (query.format === 'md') {
      const events = await store.listEvents(learner);
      const projects = await store.listProjects(learner);
      const ticks = projectTicks(events);
      text = progressToMarkdown(curriculum, foldProgress(events, curriculum), {
        locale,
        stageOrder: profile ? chooseRoute(curriculum, profile).route?.stages : undefined,
        totalHours: progressStats(events, curriculum, undefined).totalHours,
        exportedAt: now.toISOString(),
        projects: projects.map((p) => ({ ...p, checked: ticks.get(p.id) ?? new Set<string>() })),
      });
    } else {
      text = await calendarFile({ ...deps, learnerId: learner }, { locale });
    }
    const file = FILES[query.format];
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
          code: 'IMPORT_INVALID',
          message: `the backup is larger than ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB; nothing was imported`,
        });
      },
    }),
    async (c) => {
      const query = parseQuery(c, ImportQuery);
      const backup = parseBackup(await readJsonText(c), 'the uploaded backup');
      const result = await restoreBackup(store, c.get('learner').id, backup, {
        merge: query.merge,
        at: clock().toISOString(),
      });
      return c.json({ imported: { events: result.eventsAdded, projects: result.projectsAdded } });
    },
  );

  return routes;
}
