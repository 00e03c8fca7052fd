/**
 * A plausible progress log for benchmarks: statuses on skills, resources and units, hours on most
 * days, a few undos and notes, spread evenly from `startDate` to `today`. Deterministic (seeded).
 */
import type { Curriculum } from '../src/core/model.js';
import type { ProgressEvent } from '../src/core/progress-model.js';
import { newEvent } from '../src/store/events.js';

export function syntheticEvents(
  curriculum: Curriculum,
  n: number,
  { startDate, today }: { startDate: string; today: string },
): ProgressEvent[] {
  const ids = [
    ...curriculum.skills.map((s) => s.id),
    ...curriculum.resources.map((r) => r.id),
    ...curriculum.resources.flatMap((r) => r.units.map((u) => `${r.id}/${u.id}`)),
  ];
  const types = ['started', 'done', 'hours', 'hours', 'hours', 'note', 'skipped', 'reset'] as const;
  const events: ProgressEvent[] = [];
  const t0 = Date.parse(`${startDate}T08:00:00Z`);
  const span = Date.parse(`${today}T08:00:00Z`) - t0;
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < n; i++) {
    const at = new Date(t0 + Math.floor((span * i) / n));
    const item = ids[Math.floor(rand() * ids.length)];
    if (i % 50 === 49 && events.length > 0) {
      events.push(newEvent('undo', { undoes: events[events.length - 1]?.id }, at));
      continue;
    }
    const type = types[Math.floor(rand() * types.length)] ?? 'hours';
    if (type === 'hours')
      events.push(
        newEvent('hours', { hours: 0.25 + Math.floor(rand() * 8) / 4, date: at.toISOString().slice(0, 10), item }, at),
      );
    else if (type === 'note') events.push(newEvent('note', { text: `note ${i}` }, at));
    // Skips go to skills only: skipping a resource can leave a needed skill with no teacher.
    else if (type === 'skipped')
      events.push(newEvent(type, { item: curriculum.skills[Math.floor(rand() * curriculum.skills.length)]?.id }, at));
    else events.push(newEvent(type, { item }, at));
  }
  return events;
}
