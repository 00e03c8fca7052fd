/**
 * The finish range and the target date on the shipped curriculum: the bootstrap of half a year of
 * past weeks (2,000 runs), and the search for the weekly hours a target date needs (a re-plan per
 * step). Prints figures; asserts nothing.
 */
import { fileURLToPath } from 'node:url';
import { loadCurriculum } from '../src/content/load.js';
import { addDays } from '../src/core/dates.js';
import { forecastRange, hoursNeededFor, planFor, profileFor } from '../src/core/planner/index.js';
import type { HistoryWeek } from '../src/core/planner/index.js';
import type { ProgressState } from '../src/core/plan-model.js';
import { report, timeMedian } from './measure.js';

const curriculum = loadCurriculum(fileURLToPath(new URL('../curricula/ml-engineer', import.meta.url)));
const today = '2027-07-05';
const profile = profileFor(curriculum, 'from-scratch', { startDate: '2027-01-04', hoursPerWeek: 10 });
const none: ProgressState = { skills: new Map(), items: new Map(), logged: [], loggedByItem: new Map() };
const plan = planFor(curriculum, profile, none, today);

// 26 weeks of 0 to 20 hours, a deterministic zig-zag.
const weeks: HistoryWeek[] = Array.from({ length: 26 }, (_, i) => ({
  start: addDays('2027-01-04', 7 * i),
  budgetHours: 10,
  loggedHours: (i * 7) % 21,
  doneHours: (i * 5) % 17,
}));
const input = { weeks, today, finishDate: plan.finishDate, remainingHours: plan.totalHours, hoursPerWeek: 10 };
const range = forecastRange(input);
console.log(`plan finish ${plan.finishDate}; range ${JSON.stringify(range)}`);
report(
  'forecastRange: 2,000 runs over 26 past weeks',
  timeMedian(10, () => forecastRange(input)),
  'ms',
);
let hours: number | null = null;
report(
  'hoursNeededFor: weekly hours for a target date (binary search of re-plans)',
  timeMedian(5, () => (hours = hoursNeededFor(curriculum, profile, none, today, '2029-01-01', plan.finishDate))),
  'ms',
);
console.log(`hours a week needed to finish by 2029-01-01: ${String(hours)}`);
