/**
 * @module contract/progress-changes
 * What differs between two progress summaries (the server answers it to GET /api/progress/changes)
 * and the summary a client makes by applying it to its copy. Both ends use these two functions, so
 * a patched copy equals the server's summary. No zod here: the web app loads it on its own.
 */
import type { ProgressPatch, ProgressSummary } from './progress-summary.js';

type Entries<V> = Readonly<Record<string, V>>;

function recordChanges<V>(before: Entries<V>, after: Entries<V>): Record<string, V | null> {
  const out: Record<string, V | null> = {};
  for (const [key, value] of Object.entries(after))
    if (!(key in before) || JSON.stringify(before[key]) !== JSON.stringify(value)) out[key] = value;
  for (const key of Object.keys(before)) if (!(key in after)) out[key] = null;
  return out;
}

function applyRecord<V>(base: Entries<V>, changes: Entries<V | null>): Record<string, V> {
  const out: Record<string, V> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What differs from `before` to `after`: each record's changed keys, the statistics that changed. */
export function progressChanges(before: ProgressSummary, after: ProgressSummary): ProgressPatch {
  const a = before.stats;
  const b = after.stats;
  return {
    skills: recordChanges(before.skills, after.skills),
    partial: recordChanges(before.partial, after.partial),
    items: recordChanges(before.items, after.items),
    doneOn: recordChanges(before.doneOn, after.doneOn),
    events: after.events,
    stats: {
      ...(a.totalHours !== b.totalHours ? { totalHours: b.totalHours } : {}),
      ...(a.hoursThisWeek !== b.hoursThisWeek ? { hoursThisWeek: b.hoursThisWeek } : {}),
      ...(a.streakDays !== b.streakDays ? { streakDays: b.streakDays } : {}),
      ...(same(a.hoursByWeek, b.hoursByWeek) ? {} : { hoursByWeek: b.hoursByWeek }),
      ...(same(a.skillsDone, b.skillsDone) ? {} : { skillsDone: b.skillsDone }),
      ...(same(a.curriculumSkills, b.curriculumSkills) ? {} : { curriculumSkills: b.curriculumSkills }),
      doneByArea: recordChanges(a.doneByArea, b.doneByArea),
      doneByStage: recordChanges(a.doneByStage, b.doneByStage),
    },
  };
}

/** The summary `version` that `changes` made from `base`. */
export function applyProgressChanges(base: ProgressSummary, changes: ProgressPatch, version: string): ProgressSummary {
  const { stats } = changes;
  return {
    version,
    skills: applyRecord(base.skills, changes.skills),
    partial: applyRecord(base.partial, changes.partial),
    items: applyRecord(base.items, changes.items),
    doneOn: applyRecord(base.doneOn, changes.doneOn),
    events: changes.events,
    stats: {
      totalHours: stats.totalHours ?? base.stats.totalHours,
      hoursThisWeek: stats.hoursThisWeek ?? base.stats.hoursThisWeek,
      streakDays: stats.streakDays ?? base.stats.streakDays,
      hoursByWeek: stats.hoursByWeek ?? base.stats.hoursByWeek,
      skillsDone: stats.skillsDone ?? base.stats.skillsDone,
      curriculumSkills: stats.curriculumSkills ?? base.stats.curriculumSkills,
      doneByArea: applyRecord(base.stats.doneByArea, stats.doneByArea),
      doneByStage: applyRecord(base.stats.doneByStage, stats.doneByStage),
    },
  };
}
