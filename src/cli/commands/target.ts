/**
 * @module commands/target
 * `mlpath target [DATE|none]`: set or clear the date the learner wants to finish by, then show what it
 * needs (the hours a week, or the optional work that would have to go) and any warning. One call to the
 * learner layer to set it (`setTargetDate`), one to read the status both faces share.
 */
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import type { ProfileProblem } from '../../core/planner/profile.js';
import { isLearnerError } from '../../learner/errors.js';
import { needsProfile } from '../../learner/errors.js';
import { setTargetDate } from '../../learner/profile.js';
import { progressSnapshot, status } from '../../learner/progress.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { describeProblem } from '../profile-flags.js';
import { withSession } from '../session.js';
import { trackingMessages } from '../tracking-messages.js';
import { rangeLines, targetLines, warningLines } from './progress-views.js';

export function registerTarget(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  program
    .command('target')
    .description(h('target'))
    .argument('[date]', h('target.date'))
    .option('--json', h('target.json'))
    .action(async (date: string | undefined, options: { json?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const ctx = session.context();
        const m = trackingMessages(locale);
        if (date !== undefined) {
          try {
            await setTargetDate(ctx, date);
          } catch (error) {
            if (!isLearnerError(error) || error.reason !== 'profile') throw error;
            const problems = (error.details['problems'] ?? []) as ProfileProblem[];
            const first = problems[0];
            throw new MlpathError({
              code: 'INVALID_INPUT',
              message: first
                ? describeProblem(first, { targetDate: date }, locale).replace('--target-date', 'DATE')
                : error.message,
            });
          }
        }
        const snapshot = await progressSnapshot(ctx);
        if (!snapshot.profile) throw needsProfile();
        const report = await status(ctx, snapshot);
        if (options.json) {
          io.out(`${JSON.stringify({ target: report.target, warnings: report.warnings }, null, 2)}\n`);
          return;
        }
        if (date !== undefined) io.out(`${report.target ? m.targetSet(report.target.date) : m.targetCleared}\n`);
        if (!report.target) {
          if (date === undefined) io.out(`${m.targetNone}\n`);
          return;
        }
        for (const line of [
          ...targetLines(m, report.target, ctx.curriculum, locale),
          ...rangeLines(m, report),
          ...warningLines(m, report.warnings, ctx.curriculum, locale),
        ])
          io.out(`${line}\n`);
      });
    });
}
