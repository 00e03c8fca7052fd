/**
 * @module commands/track
 * `mlpath done|learning|skip|reset ID`, `mlpath undo` and `mlpath log HOURS`: each appends one
 * event to the progress log (undo appends one that cancels the latest step still in force).
 */
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import type { ProgressEvent, ProgressEventType } from '../../core/progress-model.js';
import { lastUndoable } from '../../core/progress.js';
import { newEvent } from '../../store/events.js';
import type { CliIo } from '../io.js';
import { itemTitle, requireItem } from '../items.js';
import { withSession } from '../session.js';
import type { Session } from '../session.js';
import { helpFor } from '../help-messages.js';
import { trackingMessages } from '../tracking-messages.js';

/** Each with its one-letter alias, the keys roadmap.sh users know: d, l, s, r. */
const MARKS: ReadonlyArray<{
  command: string;
  alias: string;
  type: ProgressEventType;
  help: 'done' | 'learning' | 'skip' | 'reset';
}> = [
  { command: 'done', alias: 'd', type: 'done', help: 'done' },
  { command: 'learning', alias: 'l', type: 'started', help: 'learning' },
  { command: 'skip', alias: 's', type: 'skipped', help: 'skip' },
  { command: 'reset', alias: 'r', type: 'reset', help: 'reset' },
];

interface JsonOption {
  json?: boolean;
}

function printEvent(io: CliIo, event: ProgressEvent, options: JsonOption, text: string): void {
  if (options.json) io.out(`${JSON.stringify(event)}\n`);
  else io.out(`${text}\n`);
}

export function registerTrack(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  for (const mark of MARKS) {
    program
      .command(mark.command)
      .alias(mark.alias)
      .description(h(mark.help))
      .argument('<id>', h('track.id'))
      .option('--note <text>', h('track.note'))
      .option('--json', h('track.json'))
      .action(async (id: string, options: JsonOption & { note?: string }) => {
        await withSession(io, async (session) => {
          const locale = await session.locale();
          const m = trackingMessages(locale);
          const curriculum = session.curriculum();
          const item = requireItem(curriculum, id, locale);
          // Recorded under today's id; events recorded under an old id are still followed by the fold.
          const event = newEvent(
            mark.type,
            { item: item.key, ...(options.note ? { text: options.note } : {}) },
            session.now,
          );
          await session.store.appendEvents(session.learner, [event]);
          printEvent(
            io,
            event,
            options,
            m.marked(m.status[mark.type] ?? mark.type, itemTitle(curriculum, item.key, locale)),
          );
        });
      });
  }

  program
    .command('undo')
    .description(h('undo'))
    .option('--json', h('undo.json'))
    .action(async (options: JsonOption) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        const events = await session.store.listEvents(session.learner);
        const target = lastUndoable(events);
        if (!target) {
          if (options.json) io.out('null\n');
          else io.out(`${m.nothingToUndo}\n`);
          return;
        }
        const event = newEvent('undo', { undoes: target.id }, session.now);
        await session.store.appendEvents(session.learner, [event]);
        printEvent(io, event, options, m.undone(describeEvent(session, target, locale)));
      });
    });

  program
    .command('note')
    .description(h('note'))
    .argument('<text>', h('note.text'))
    .option('--on <id>', h('note.on'))
    .option('--json', h('track.json'))
    .action(async (text: string, options: JsonOption & { on?: string }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        if (text.trim() === '') throw new MlpathError({ code: 'INVALID_INPUT', message: m.emptyNote });
        const item = options.on === undefined ? undefined : requireItem(session.curriculum(), options.on, locale);
        const event = newEvent('note', { text, ...(item ? { item: item.key } : {}) }, session.now);
        await session.store.appendEvents(session.learner, [event]);
        printEvent(io, event, options, m.noted);
      });
    });

  program
    .command('log')
    .description(h('log'))
    .argument('<hours>', h('log.hours'))
    .option('--on <id>', h('log.on'))
    .option('--date <date>', h('log.date'))
    .option('--note <text>', h('track.note'))
    .option('--json', h('track.json'))
    .action(async (hoursText: string, options: JsonOption & { on?: string; date?: string; note?: string }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        const hours = parseHours(hoursText);
        if (hours === undefined) throw new MlpathError({ code: 'INVALID_INPUT', message: m.badHours(hoursText) });
        const date = options.date ?? session.today;
        if (!isCalendarDate(date)) throw new MlpathError({ code: 'INVALID_INPUT', message: m.badDate(date) });
        if (date > session.today)
          throw new MlpathError({ code: 'INVALID_INPUT', message: m.futureDate(date, session.today) });
        const curriculum = options.on === undefined ? undefined : session.curriculum();
        const item = curriculum && options.on !== undefined ? requireItem(curriculum, options.on, locale) : undefined;
        const event = newEvent(
          'hours',
          { hours, date, ...(item ? { item: item.key } : {}), ...(options.note ? { text: options.note } : {}) },
          session.now,
        );
        await session.store.appendEvents(session.learner, [event]);
        printEvent(
          io,
          event,
          options,
          m.logged(formatHours(hours), date, curriculum && item ? itemTitle(curriculum, item.key, locale) : undefined),
        );
      });
    });
}

function describeEvent(session: Session, event: ProgressEvent, locale: string): string {
  const m = trackingMessages(locale);
  const title = (key: string | undefined): string => {
    try {
      return itemTitle(session.curriculum(), key, locale);
    } catch {
      return key ?? '';
    }
  };
  switch (event.type) {
    case 'started':
      return m.eventWhat.started(title(event.item));
    case 'done':
      return m.eventWhat.done(title(event.item));
    case 'skipped':
      return m.eventWhat.skipped(title(event.item));
    case 'reset':
      return m.eventWhat.reset(title(event.item));
    case 'hours':
      return m.eventWhat.hours(formatHours(event.hours ?? 0), event.date ?? event.at.slice(0, 10));
    case 'note':
      return m.eventWhat.note(event.text ?? '');
    case 'project-milestone':
      return m.eventWhat.milestone(event.item ?? '', event.text ?? '');
    case 'reviewed':
      return m.eventWhat.reviewed(event.item ?? '', event.text ?? '');
    case 'undo':
      return event.undoes ?? '';
  }
}

/** Hours as a learner types them: `1.5`, `2`, `90m`, `1h30m`, `1h`, `1:30`. Undefined when not a time in (0, 24]. */
export function parseHours(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  let hours: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d+(?:\.\d+)?)h?$/.exec(s))) hours = Number(match[1]);
  else if ((match = /^(\d+(?:\.\d+)?)(?:m|min)$/.exec(s))) hours = Number(match[1]) / 60;
  else if ((match = /^(\d+)h\s*(\d+)(?:m|min)?$/.exec(s))) hours = Number(match[1]) + Number(match[2]) / 60;
  else if ((match = /^(\d+):([0-5]\d)$/.exec(s))) hours = Number(match[1]) + Number(match[2]) / 60;
  if (hours === undefined || !Number.isFinite(hours) || hours <= 0 || hours > 24) return undefined;
  return Math.round(hours * 1000) / 1000;
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}
