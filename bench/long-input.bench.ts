/**
 * Over-long input on every way in: a megabyte id answered by the learner layer, the profile check
 * and the CLI, and the "did you mean" search on it. Each is refused by its length before any search
 * (see docs/server.md, "The contract and the route table"). `npx tsx bench/long-input.bench.ts`
 */
import { suggest } from '../src/core/errors.js';
import { checkProfile, profileFor } from '../src/core/planner/profile.js';
import { loadCurriculum } from '../src/content/load.js';
import { requireItem } from '../src/learner/items.js';
import { report, timeMedian } from './measure.js';

const curriculum = loadCurriculum(new URL('../curricula/ml-engineer', import.meta.url).pathname);
const huge = 'x'.repeat(1_000_000);
const ids = curriculum.skills.map((s) => s.id);

report(
  'suggest() on a 1 MB id over the shipped skill ids',
  timeMedian(20, () => suggest(huge, ids)),
  'ms',
);
report(
  'requireItem() refusing a 1 MB id',
  timeMedian(20, () => {
    try {
      requireItem(curriculum, huge);
    } catch {
      // refused by its length
    }
  }),
  'ms',
);
const profile = profileFor(curriculum, 'developer', { startDate: '2027-01-04', known: [huge] });
report(
  'checkProfile() with a 1 MB known skill',
  timeMedian(5, () => checkProfile(curriculum, profile)),
  'ms',
);
