/**
 * @module commands/calendar
 * `mlpath calendar url [--rotate] [--base URL] [--json]`: the address of the learner's calendar
 * feed (`/calendar/<secret>.ics`, served by `mlpath serve`), made on first use; `--rotate` replaces
 * it and the old address stops working.
 */
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { calendarFeed } from '../../learner/calendar.js';
import { DEFAULT_PORT } from '../../server/server.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { msg } from '../messages.js';
import { withSession } from '../session.js';

export function registerCalendar(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  const calendar = program.command('calendar').description(h('calendar'));
  calendar
    .command('url')
    .description(h('calendar.url'))
    .option('--rotate', h('calendar.rotate'))
    .option('--base <url>', h('calendar.base', { port: DEFAULT_PORT }))
    .option('--json', h('calendar.json'))
    .action(async (options: { rotate?: boolean; base?: string; json?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const base = options.base ?? `http://localhost:${io.env['PORT'] || DEFAULT_PORT}`;
        let url: URL | undefined;
        try {
          url = new URL(base);
        } catch {
          url = undefined;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
          throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'calendar.badBase', { value: base }) });
        }
        const feed = await session.inTurn((ctx) => calendarFeed(ctx, { rotate: options.rotate === true }));
        const address = `${url.toString().replace(/\/+$/, '')}${feed.path}`;
        if (options.json) {
          io.out(`${JSON.stringify({ url: address, path: feed.path, rotatedAt: feed.rotatedAt ?? null })}\n`);
          return;
        }
        io.out(`${msg(locale, options.rotate ? 'calendar.rotated' : 'calendar.address', { url: address })}\n`);
        io.err(`${msg(locale, 'calendar.howTo', { base: url.toString().replace(/\/+$/, '') })}\n`);
      });
    });
}
