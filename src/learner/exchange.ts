/**
 * @module learner/exchange
 * Exports (Markdown progress, iCalendar plan, JSON backup) and importing a backup. The file formats
 * are `src/export`'s; this module decides what goes in them, once for both faces.
 *
 * Rules:
 * - Markdown needs no profile: it is the record of what was done (in the curriculum's stage order
 *   without a profile, the route's with one). Every face exports it the same way.
 * - iCalendar is the plan: without a saved profile there is none (NOT_FOUND, reason `needs-profile`);
 *   it is written by `learner/calendar`, which keeps it in sync with earlier exports and the feed.
 * - The language: the one asked for, else the profile's, else the curriculum's first.
 * - An import is validated whole before anything is written; into a learner with data it needs
 *   `merge`. Its hours meet the rule every face logs by (core/logged-hours: no day after today in
 *   the learner's time zone, at most 24 hours a day with what is already logged), or nothing is
 *   written. An import is not an event: `undo` cannot take it back (`undoable: false`).
 */
import type { z } from 'zod';
import { EXPORT_FORMATS } from '../contract/api.js';
import type { ExportFormat } from '../contract/api.js';
import { Profile as ProfileJson } from '../contract/profile.js';
import type { Message, Problem } from '../core/errors.js';
import { codedProblem, isMlpathError, MlpathError } from '../core/errors.js';
import { hoursRefusals } from '../core/logged-hours.js';
import type { HoursRefusal } from '../core/logged-hours.js';
import type { Curriculum } from '../core/model.js';
import type { Profile } from '../core/plan-model.js';
import { checkProfile, profileFor } from '../core/planner/index.js';
import { backupToJson, parseBackup } from '../export/backup.js';
import type { Backup } from '../export/backup.js';
import { progressToMarkdown } from '../export/markdown.js';
import { backupOf, projectTicks, restoreBackup } from '../store/backup.js';
import type { ImportResult } from '../store/store.js';
import { calendarFile, ensureCalendar } from './calendar.js';
import type { LearnerContext } from './context.js';
import { today } from './context.js';
import { LearnerError } from './errors.js';
import { unknownItemsOf } from './items.js';
import { needsProfile } from './errors.js';
import { profileProblems } from './profile.js';
import { progressSnapshot } from './progress.js';

export { EXPORT_FORMATS };
export type { ExportFormat };

/** What each export is called and its media type. */
export const EXPORT_FILES: Record<ExportFormat, { readonly name: string; readonly type: string }> = {
  ics: { name: 'mlpath-plan.ics', type: 'text/calendar; charset=utf-8' },
  md: { name: 'mlpath-progress.md', type: 'text/markdown; charset=utf-8' },
  json: { name: 'mlpath-backup.json', type: 'application/json; charset=utf-8' },
};

/** The text of an export. @throws LearnerError NOT_FOUND for an iCalendar export without a profile. */
export async function exportText(
  ctx: LearnerContext,
  input: { format: ExportFormat; locale?: string | undefined },
): Promise<string> {
  const { store, curriculum, learnerId } = ctx;
  const now = ctx.clock();
  if (input.format === 'json') {
    // The calendar id goes into the backup, so a restored learner's calendar keeps its UIDs.
    await ensureCalendar(ctx);
    return backupToJson(await backupOf(store, learnerId, now.toISOString()));
  }
  const [profile, events] = await Promise.all([store.getProfile(learnerId), store.listEvents(learnerId)]);
  const locale = input.locale ?? profile?.locale ?? curriculum.meta.locales[0] ?? 'en';
  // The re-plan and the skill states of the one progress model (learner/progress.ts).
  const snapshot = await progressSnapshot(ctx);
  if (input.format === 'ics') {
    if (!profile || !snapshot.forecast) throw needsProfile();
    return calendarFile(ctx, { locale });
  }
  const ticks = projectTicks(events);
  const projects = (await store.listProjects(learnerId)).map((p) => ({ ...p, checked: [...(ticks.get(p.id) ?? [])] }));
  return progressToMarkdown(curriculum, snapshot.states, {
    locale,
    stageOrder: snapshot.stageOrder,
    planSkills: snapshot.original?.skills,
    totalHours: snapshot.stats.totalHours,
    exportedAt: now.toISOString(),
    projects,
  });
}

/**
 * A backup's text, validated whole (`source` names it in errors: a path, or a catalogue message
 * such as the uploaded file's name). @throws IMPORT_INVALID.
 * Pure: a face reads a file with it before opening the store, so a bad file touches nothing. With
 * the curriculum, a file refused for its shape is also told what the curriculum says of its
 * profile's well-formed fields (an unknown starting point), so one reading lists every problem.
 */
export function readBackup(text: string, source: string | Message, curriculum?: Curriculum): Backup {
  return parseBackup(text, source, curriculum && ((profile) => profileFit(curriculum, profile)));
}

/**
 * The curriculum's problems with the fields of a profile that are well formed each on their own,
 * checked by the rule `importBackup` applies to a whole profile (`checkProfile`); the fields that are
 * missing or malformed stand in as a new profile's and are not judged (the schema told of them).
 */
function profileFit(curriculum: Curriculum, given: Readonly<Record<string, unknown>>): Problem[] {
  const shape = ProfileJson.shape as Record<string, z.ZodType | undefined>;
  const well = Object.fromEntries(
    Object.entries(given).flatMap(([field, value]) => {
      const parsed = shape[field]?.safeParse(value);
      return parsed?.success ? [[field, parsed.data]] : [];
    }),
  );
  // The start date is a stand-in (any day): only the well-formed fields are judged.
  const profile = { ...profileFor(curriculum, undefined, { startDate: '2000-01-03' }), ...well } as Profile;
  const judged = checkProfile(curriculum, profile).filter((p) => p.field in well);
  return profileProblems(judged, profile, 'profile.');
}

/**
 * A backup's hours that the live paths would refuse (logged on a day after today, or more than a
 * day holds), each named by its place in the file. @throws IMPORT_INVALID when there are any.
 */
function refuseHours(refusals: readonly HoursRefusal[]): void {
  if (refusals.length === 0) return;
  throw new MlpathError({
    code: 'IMPORT_INVALID',
    key: 'backup.badHours',
    params: { count: refusals.length },
    hintKey: 'hint.backupHours',
    problems: refusals.map((r) =>
      r.kind === 'future-date'
        ? codedProblem(
            'backup.futureHours',
            { path: `events[${r.index}].date`, id: r.id, hours: r.hours, date: r.date, today: r.today },
            { path: `events[${r.index}].date` },
          )
        : codedProblem(
            'backup.dayFull',
            { path: `events[${r.index}].hours`, id: r.id, date: r.date, total: r.total, max: r.max },
            { path: `events[${r.index}].hours` },
          ),
    ),
  });
}

/**
 * Import a read backup. CONFLICT (reason `import-not-empty`) into a learner with data unless `merge`.
 * `unknownItems`: the ids its events name that this curriculum lacks (kept, counted toward nothing).
 */
export async function importBackup(
  ctx: LearnerContext,
  input: { backup: Backup; merge: boolean },
): Promise<ImportResult & { readonly undoable: false; readonly unknownItems: readonly string[] }> {
  const { backup } = input;
  // The profile must be one this curriculum can plan from, by the same rule every face's profile
  // input meets: a backup that passed its schema but names an unknown starting point, a skill this
  // curriculum lacks or hours out of range would leave every command failing after the import.
  const profile = backup.profile;
  const problems = profile ? checkProfile(ctx.curriculum, profile) : [];
  if (profile && problems.length > 0) {
    throw new MlpathError({
      code: 'IMPORT_INVALID',
      key: 'backup.badProfile',
      hintKey: 'hint.backupProfile',
      // Each problem names its field's path in the file.
      problems: profileProblems(problems, profile, 'profile.'),
    });
  }
  try {
    // The hours are judged against what the learner already has and written in one turn, so the
    // log the import leaves is one `mlpath log` could have made, or nothing is written.
    const result = await ctx.store.exclusive(ctx.learnerId, async (store) => {
      const existing = input.merge ? await store.listEvents(ctx.learnerId) : [];
      refuseHours(hoursRefusals(existing, backup.events, today(ctx)));
      return restoreBackup(store, ctx.learnerId, backup, { merge: input.merge, at: ctx.clock().toISOString() });
    });
    return { ...result, undoable: false, unknownItems: unknownItemsOf(ctx.curriculum, backup.events) };
  } catch (error) {
    if (isMlpathError(error) && error.code === 'CONFLICT') {
      throw new LearnerError({
        code: 'CONFLICT',
        reason: 'import-not-empty',
        key: 'import.notEmpty',
        hintKey: 'hint.merge',
        cause: error,
      });
    }
    throw error;
  }
}
