/**
 * @module commands/track
 * `mlpath done|learning|skip|reset ID`, `mlpath undo`, `mlpath note TEXT` and `mlpath log HOURS`:
 * parse the arguments, one call to the learner layer (learner/tracking.ts holds the rules), print.
 * `done` on a task logs its planned hours too, and says so (`--no-log` to tick without logging).
 */
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import { MAX_HOURS_PER_ENTRY } from '../../core/progress-model.js';
import { isEntryHours, keptHours } from '../../core/logged-hours.js';
import type { ProgressEvent } from '../../core/progress-model.js';
import { projectChangeKind } from '../../learner/projects.js';
import { addNote, logHours, markItem, undo } from '../../learner/tracking.js';
import type { MarkType } from '../../learner/tracking.js';
import type { CliIo } from '../io.js';
import { itemTitle } from '../items.js';
import { withSession } from '../session.js';
import type { Session } from '../session.js';
import { helpFor } from '../help-messages.js';
import { tmsg, trackingMessages } from '../tracking-messages.js';

/** Each with its one-letter alias, the keys roadmap.sh users know: d, l, s, r. */
const MARKS: ReadonlyArray<{
  command: string;
  alias: string;
  type: MarkType;
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
    const command = program
      .command(mark.command)
      .alias(mark.alias)
      .description(h(mark.help))
      .argument('<id>', h('track.id'))
      .option('--note <text>', h('track.note'))
      .option('--json', h('track.json'));
    if (mark.type === 'done') command.option('--no-log', h('track.noLog'));
    command.action(async (id: string, options: JsonOption & { note?: string; log?: boolean }) => {
      await withSession(io, async (session) => {
        const locale = await session.locale();
        const m = trackingMessages(locale);
        const curriculum = session.curriculum();
        const result = await session.inTurn((ctx) =>
          markItem(ctx, {
            type: mark.type,
            item: id,
            note: options.note,
            logPlannedHours: options.log !== false,
          }),
        );
        const title = itemTitle(curriculum, result.item.key, locale);
        if (options.json) {
          io.out(
            `${JSON.stringify(
              result.event
                ? {
                    ...result.event,
                    ...(result.logged ? { logged: result.logged } : {}),
                    ...(result.unlogged ? { unlogged: result.unlogged } : {}),
                  }
                : null,
            )}\n`,
          );
          return;
        }
        if (!result.event) {
          io.out(`${mark.type === 'done' ? m.alreadyDone(title) : m.alreadySkipped(title)}\n`);
          return;
        }
        io.out(`${m.marked(m.status[mark.type] ?? mark.type, title)}\n`);
        if (result.logged) {
          io.out(`${m.plannedLogged(m.hoursNum(result.logged.hours ?? 0), result.logged.date ?? session.today)}\n`);
        }
        if (result.unlogged) io.out(`${m.plannedTakenBack(m.hoursNum(result.unlogged.hours ?? 0))}\n`);
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
        const result = await session.inTurn((ctx) => undo(ctx));
        if (!result) {
          if (options.json) io.out('null\n');
          else io.out(`${m.nothingToUndo}\n`);
          return;
        }
        if (options.json) {
          io.out(`${JSON.stringify(result.events[0])}\n`);
          return;
        }
        for (const target of result.undone) io.out(`${m.undone(describeEvent(session, target, locale))}\n`);
      });
    });

  program
    .command('note')
    .description(h('note'))
    .argument('<text>', h('note.text'))
    .option('--on <id>', h('note.on'))
    .option('--json', h('track.json'))
    // `mlpath note SKILL "text"` is refused with the form meant, rather than commander's bare "too many arguments".
    .allowExcessArguments()
    .action(async (text: string, options: JsonOption & { on?: string }, command: Command) => {
      await withSession(io, async (session) => {
        const m = trackingMessages(await session.locale());
        const given = command.args;
        if (given.length > 1) {
          throw new MlpathError({
            code: 'INVALID_INPUT',
            message: tmsg(await session.locale(), 'noteArguments', {
              count: given.length,
              id: given[0] ?? '',
              text: given.slice(1).join(' '),
            }),
          });
        }
        const { event } = await session.inTurn((ctx) => addNote(ctx, { text, item: options.on }));
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
        // The ways a learner types a time are the CLI's; the bounds are the learner layer's.
        const hours = parseHours(hoursText);
        if (hours === undefined) {
          throw new MlpathError({
            code: 'INVALID_INPUT',
            key: 'learner.badHours',
            params: { value: hoursText, max: MAX_HOURS_PER_ENTRY },
          });
        }
        const { event, item } = await session.inTurn((ctx) =>
          logHours(ctx, {
            hours,
            date: options.date,
            item: options.on,
            note: options.note,
          }),
        );
        printEvent(
          io,
          event,
          options,
          m.logged(
            m.hoursNum(hours),
            event.date ?? session.today,
            item ? itemTitle(session.curriculum(), item.key, locale) : undefined,
          ),
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
      return m.eventWhat.hours(m.hoursNum(event.hours ?? 0), event.date ?? event.at.slice(0, 10));
    case 'note':
      return m.eventWhat.note(event.text ?? '');
    case 'project-milestone':
      return m.eventWhat.milestone(event.item ?? '', event.text ?? '');
    case 'reviewed':
      return m.eventWhat.reviewed(event.item ?? '', event.text ?? '');
    case 'project-change': {
      const project = event.item ?? '';
      const kind = projectChangeKind(event);
      if (kind === 'added') return m.eventWhat.projectAdded(project);
      if (kind === 'removed') return m.eventWhat.projectRemoved(project);
      return m.eventWhat.projectLinks(project);
    }
    case 'undo':
      return event.undoes ?? '';
  }
}

/**
 * Hours as a learner types them: `1.5`, `2`, `90m`, `1h30m`, `1h`, `1:30`. Undefined when not one log
 * entry's hours (`isEntryHours`). A minutes part of 60 or more after hours (`1h99m`) is a typo, not
 * 2.65 h: it throws INVALID_INPUT naming the value and what it would mean written right.
 */
export function parseHours(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  let hours: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d+(?:\.\d+)?)h?$/.exec(s))) hours = Number(match[1]);
  else if ((match = /^(\d+(?:\.\d+)?)(?:m|min)$/.exec(s))) hours = Number(match[1]) / 60;
  else if ((match = /^(\d+)h\s*(\d+)(?:m|min)?$/.exec(s))) {
    const [whole, minutes] = [Number(match[1]), Number(match[2])];
    hours = whole + minutes / 60;
    if (minutes >= 60 && isEntryHours(hours)) {
      throw new MlpathError({
        code: 'INVALID_INPUT',
        key: 'learner.badMinutes',
        params: {
          value: text.trim(),
          minutes,
          fixed: `${whole + Math.floor(minutes / 60)}h${minutes % 60}m`,
          decimal: keptHours(hours),
        },
      });
    }
  } else if ((match = /^(\d+):([0-5]\d)$/.exec(s))) hours = Number(match[1]) + Number(match[2]) / 60;
  if (hours === undefined || !isEntryHours(hours)) return undefined;
  return keptHours(hours);
}
