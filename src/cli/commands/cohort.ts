/**
 * @module commands/cohort
 * `mlpath cohort list|create|join|status|share|leave|remove|role|invite`: cohorts on the server the
 * learner signed in to with `mlpath login URL` (the credentials file of cli/remote.ts). A thin face
 * over the server's /api/cohorts routes, which hold the rules (learner/cohorts.ts on the server); this
 * module picks the cohort, sends one request and words the answer in the learner's language.
 */
import type { Command } from 'commander';
import { COHORT_KINDS } from '../../core/cohort-model.js';
import { MlpathError } from '../../core/errors.js';
import type { ErrorCode } from '../../core/errors.js';
import { MAX_COHORT_MEMBERS } from '../../learner/cohorts.js';
import type { ResponseOf } from '../../contract/routes.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { chooseLocale } from '../locale.js';
import { msg } from '../messages.js';
import type { MessageKey } from '../messages.js';
import { remoteFor } from '../remote.js';
import type { RemoteClient } from '../remote.js';

// The answers' types are the contract's (the CLI reads the server's API like any client).
type CohortJson = ResponseOf<'GET /api/cohorts/:id'>['cohort'];
type CohortSummary = ResponseOf<'GET /api/cohorts'>['cohorts'][number];
type CohortMemberStatus = CohortJson['members'][number];
type Locale = ReturnType<typeof chooseLocale>;

interface Face {
  readonly io: CliIo;
  readonly locale: Locale;
  readonly remote: RemoteClient;
  m(key: MessageKey, values?: Record<string, string | number>): string;
}

function faceOf(io: CliIo): Face {
  const locale = chooseLocale({ env: io.env });
  return { io, locale, remote: remoteFor(io), m: (key, values) => msg(locale, key, values) };
}

function refuse(code: ErrorCode, message: string, hint?: string): MlpathError {
  return new MlpathError({ code, message, ...(hint === undefined ? {} : { hint }) });
}

/** Send a request; the server's refusals with these codes are reworded in the learner's language. */
async function ask<T>(
  face: Face,
  method: string,
  path: string,
  body: unknown,
  words: Partial<Record<ErrorCode, (error: MlpathError) => MlpathError>> = {},
): Promise<T> {
  try {
    return await face.remote.request<T>(method, path, body === undefined ? {} : { body });
  } catch (error) {
    const reword = error instanceof MlpathError ? words[error.code] : undefined;
    if (reword && error instanceof MlpathError) throw reword(error);
    throw error;
  }
}

const kindName = (face: Face, kind: string): string =>
  (COHORT_KINDS as readonly string[]).includes(kind)
    ? face.m(`cohort.kind.${kind as (typeof COHORT_KINDS)[number]}`)
    : kind;
const roleName = (face: Face, role: string): string =>
  role === 'owner' || role === 'mentor' || role === 'member' ? face.m(`cohort.role.${role}`) : role;
const sharingWords = (face: Face, sharing: { progress: boolean; pace: boolean }): string => {
  const parts = [
    ...(sharing.progress ? [face.m('cohort.sharing.progress')] : []),
    ...(sharing.pace ? [face.m('cohort.sharing.pace')] : []),
  ];
  return parts.length === 0 ? face.m('cohort.sharing.none') : parts.join(', ');
};

/** The cohort a command acts on: the one named (id or name), or the only one the learner is in. */
async function pickCohort(face: Face, named: string | undefined): Promise<CohortSummary> {
  const { cohorts } = await ask<ResponseOf<'GET /api/cohorts'>>(face, 'GET', '/api/cohorts', undefined);
  if (named === undefined) {
    const [only, ...more] = cohorts;
    if (!only) throw refuse('NOT_FOUND', face.m('cohort.needsCohort'), face.m('cohort.needsCohortHint'));
    if (more.length > 0) {
      throw refuse('INVALID_INPUT', face.m('cohort.whichCohort', { choices: cohorts.map((c) => c.id).join(', ') }));
    }
    return only;
  }
  const wanted = named.trim().toLowerCase();
  const found =
    cohorts.find((c) => c.id === named.trim()) ?? cohorts.find((c) => c.name.trim().toLowerCase() === wanted);
  if (!found) {
    throw refuse('NOT_FOUND', face.m('cohort.unknownCohort', { id: named }), face.m('cohort.unknownCohortHint'));
  }
  return found;
}

const notInCohort = (face: Face, id: string) => () =>
  refuse('NOT_FOUND', face.m('cohort.unknownCohort', { id }), face.m('cohort.unknownCohortHint'));

async function getCohort(face: Face, id: string): Promise<CohortJson> {
  return (
    await ask<{ cohort: CohortJson }>(face, 'GET', `/api/cohorts/${encodeURIComponent(id)}`, undefined, {
      NOT_FOUND: notInCohort(face, id),
    })
  ).cohort;
}

/** A member named by learner id or (unambiguous) name. */
function pickMember(face: Face, cohort: CohortJson, named: string): CohortMemberStatus {
  const byId = cohort.members.find((m) => m.learnerId === named);
  if (byId) return byId;
  const byName = cohort.members.filter((m) => m.name.trim().toLowerCase() === named.trim().toLowerCase());
  const [only, ...more] = byName;
  if (!only) throw refuse('NOT_FOUND', face.m('cohort.unknownMember', { member: named, name: cohort.name }));
  if (more.length > 0) {
    throw refuse(
      'INVALID_INPUT',
      face.m('cohort.ambiguousMember', {
        member: named,
        name: cohort.name,
        choices: byName.map((m) => m.learnerId).join(', '),
      }),
    );
  }
  return only;
}

/** The status as text: a heading, the invite, a line per member, who is behind. */
export function renderCohort(face: Face, cohort: CohortJson): string {
  const f = face;
  const lines = [
    f.m('cohort.heading', {
      name: cohort.name,
      kind: kindName(f, cohort.kind),
      date: cohort.targetDate,
      count: cohort.memberCount,
      role: roleName(f, cohort.role),
    }),
  ];
  if (cohort.invite) lines.push(f.m('cohort.invite', { code: cohort.invite.code, link: cohort.invite.link }));
  lines.push('');
  const labels = cohort.members.map(
    (m) => `${m.name} (${roleName(f, m.role)}${m.you ? `, ${f.m('cohort.you')}` : ''})`,
  );
  const width = Math.max(...labels.map((l) => l.length));
  cohort.members.forEach((member, i) => {
    const parts: string[] = [];
    if (member.progress) {
      parts.push(
        f.m('cohort.progress', {
          done: member.progress.skillsDone,
          total: member.progress.skillsTotal,
          percent: member.progress.percent,
          readiness: member.progress.readiness,
        }),
      );
    }
    if (member.pace) {
      parts.push(f.m('cohort.pace', { weekly: member.pace.weeklyHours, week: member.pace.hoursThisWeek }));
      const { finishDate, daysLate } = member.pace;
      if (finishDate === null || daysLate === null) parts.push(f.m('cohort.noPlan'));
      else if (daysLate > 0) parts.push(f.m('cohort.finish', { date: finishDate, days: daysLate, count: daysLate }));
      else parts.push(f.m('cohort.finishEarly', { date: finishDate, days: -daysLate, count: -daysLate }));
    }
    if (parts.length === 0) parts.push(f.m('cohort.sharesNothing'));
    if (member.behind === true) parts.push(f.m('cohort.behindMark'));
    lines.push(`  ${(labels[i] ?? '').padEnd(width)}  ${parts.join(' · ')}`);
  });
  lines.push('');
  lines.push(
    cohort.behind.length > 0 ? f.m('cohort.behind', { names: cohort.behind.join(', ') }) : f.m('cohort.noneBehind'),
  );
  const me = cohort.members.find((m) => m.you);
  if (me) lines.push(f.m('cohort.yourSharing', { what: sharingWords(f, me.sharing), id: cohort.id }));
  return `${lines.join('\n')}\n`;
}

function parseShare(face: Face, value: string): { progress: boolean; pace: boolean } {
  const parts = value
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  const known = new Set(['none', 'progress', 'pace', 'all']);
  if (parts.length === 0 || parts.some((p) => !known.has(p)) || (parts.includes('none') && parts.length > 1)) {
    throw refuse('INVALID_INPUT', face.m('cohort.badShare', { value }));
  }
  const all = parts.includes('all');
  return { progress: all || parts.includes('progress'), pace: all || parts.includes('pace') };
}

export function registerCohort(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  const cohort = program.command('cohort').description(h('cohort'));
  const out = (text: string): void => io.out(text);
  const json = (value: unknown): void => io.out(`${JSON.stringify(value, null, 2)}\n`);

  cohort
    .command('list')
    .description(h('cohort.list'))
    .option('--json', h('cohort.json'))
    .action(async (options: { json?: boolean }) => {
      const face = faceOf(io);
      const { cohorts } = await ask<ResponseOf<'GET /api/cohorts'>>(face, 'GET', '/api/cohorts', undefined);
      if (options.json) return json({ cohorts });
      if (cohorts.length === 0) return out(`${face.m('cohort.noCohorts')}\n`);
      for (const c of cohorts) {
        out(
          `${face.m('cohort.listLine', {
            id: c.id,
            name: c.name,
            kind: kindName(face, c.kind),
            date: c.targetDate,
            count: c.members,
            role: roleName(face, c.role),
          })}\n`,
        );
      }
    });

  cohort
    .command('create <name>')
    .description(h('cohort.create'))
    .requiredOption('--date <date>', h('cohort.date'))
    .option('--kind <kind>', h('cohort.kind'), 'study-group')
    .option('--json', h('cohort.json'))
    .action(async (name: string, options: { date: string; kind: string; json?: boolean }) => {
      const face = faceOf(io);
      if (!(COHORT_KINDS as readonly string[]).includes(options.kind)) {
        throw refuse('INVALID_INPUT', face.m('cohort.badKind', { value: options.kind }));
      }
      const { cohort: made } = await ask<{ cohort: CohortJson }>(
        face,
        'POST',
        '/api/cohorts',
        { name, kind: options.kind, targetDate: options.date },
        {
          // The server names the field at fault.
          INVALID_INPUT: (error) =>
            error.problems.some((p) => p.path === 'name')
              ? refuse('INVALID_INPUT', face.m('cohort.badName'))
              : error.problems.some((p) => p.path === 'targetDate')
                ? refuse('INVALID_INPUT', face.m('cohort.badDate', { value: options.date }))
                : error,
        },
      );
      if (options.json) return json({ cohort: made });
      out(
        `${face.m('cohort.created', { name: made.name, code: made.invite?.code ?? '', link: made.invite?.link ?? '' })}\n`,
      );
    });

  cohort
    .command('join <code>')
    .description(h('cohort.join'))
    .option('--json', h('cohort.json'))
    .action(async (code: string, options: { json?: boolean }) => {
      const face = faceOf(io);
      const { cohort: joined } = await ask<{ cohort: CohortJson }>(
        face,
        'POST',
        '/api/cohorts/join',
        { code },
        {
          NOT_FOUND: () => refuse('NOT_FOUND', face.m('cohort.badCode', { code }), face.m('cohort.badCodeHint')),
          CONFLICT: () => refuse('CONFLICT', face.m('cohort.alreadyMember')),
          FORBIDDEN: () => refuse('FORBIDDEN', face.m('cohort.full', { max: MAX_COHORT_MEMBERS })),
        },
      );
      if (options.json) return json({ cohort: joined });
      out(`${face.m('cohort.joined', { name: joined.name, id: joined.id })}\n`);
    });

  cohort
    .command('status [cohort]')
    .description(h('cohort.status'))
    .option('--json', h('cohort.json'))
    .action(async (named: string | undefined, options: { json?: boolean }) => {
      const face = faceOf(io);
      const found = await getCohort(face, (await pickCohort(face, named)).id);
      if (options.json) return json({ cohort: found });
      out(renderCohort(face, found));
    });

  cohort
    .command('share <what>')
    .description(h('cohort.share'))
    .option('--cohort <cohort>', h('cohort.cohort'))
    .option('--json', h('cohort.json'))
    .action(async (what: string, options: { cohort?: string; json?: boolean }) => {
      const face = faceOf(io);
      const sharing = parseShare(face, what);
      const target = await pickCohort(face, options.cohort);
      const { cohort: changed } = await ask<{ cohort: CohortJson }>(
        face,
        'PUT',
        `/api/cohorts/${encodeURIComponent(target.id)}/sharing`,
        sharing,
        { NOT_FOUND: notInCohort(face, target.id) },
      );
      if (options.json) return json({ cohort: changed });
      out(`${face.m('cohort.shared', { name: changed.name, what: sharingWords(face, sharing) })}\n`);
    });

  cohort
    .command('leave [cohort]')
    .description(h('cohort.leave'))
    .option('--json', h('cohort.json'))
    .action(async (named: string | undefined, options: { json?: boolean }) => {
      const face = faceOf(io);
      const target = await pickCohort(face, named);
      const before = await getCohort(face, target.id);
      const result = await ask<ResponseOf<'POST /api/cohorts/:id/leave'>>(
        face,
        'POST',
        `/api/cohorts/${encodeURIComponent(target.id)}/leave`,
        undefined,
        { NOT_FOUND: notInCohort(face, target.id) },
      );
      if (options.json) return json(result);
      const heir = before.members.find((m) => m.learnerId === result.newOwner);
      const key = result.deleted ? 'cohort.leftDeleted' : heir ? 'cohort.leftHandedOver' : 'cohort.left';
      out(`${face.m(key, { name: before.name, owner: heir?.name ?? '' })}\n`);
    });

  const ownerWords = (face: Face, id: string): Partial<Record<ErrorCode, (error: MlpathError) => MlpathError>> => ({
    NOT_FOUND: notInCohort(face, id),
    FORBIDDEN: () => refuse('FORBIDDEN', face.m('cohort.ownerOnly')),
  });

  cohort
    .command('remove <member>')
    .description(h('cohort.remove'))
    .option('--cohort <cohort>', h('cohort.cohort'))
    .action(async (named: string, options: { cohort?: string }) => {
      const face = faceOf(io);
      const target = await getCohort(face, (await pickCohort(face, options.cohort)).id);
      const member = pickMember(face, target, named);
      if (member.you) throw refuse('INVALID_INPUT', face.m('cohort.selfRemove'));
      await ask(
        face,
        'DELETE',
        `/api/cohorts/${encodeURIComponent(target.id)}/members/${encodeURIComponent(member.learnerId)}`,
        undefined,
        ownerWords(face, target.id),
      );
      out(`${face.m('cohort.removed', { member: member.name, name: target.name })}\n`);
    });

  cohort
    .command('role <member> <role>')
    .description(h('cohort.role'))
    .option('--cohort <cohort>', h('cohort.cohort'))
    .action(async (named: string, role: string, options: { cohort?: string }) => {
      const face = faceOf(io);
      if (role !== 'mentor' && role !== 'member')
        throw refuse('INVALID_INPUT', face.m('cohort.badRole', { value: role }));
      const target = await getCohort(face, (await pickCohort(face, options.cohort)).id);
      const member = pickMember(face, target, named);
      if (member.role === 'owner') throw refuse('INVALID_INPUT', face.m('cohort.ownerRole'));
      await ask(
        face,
        'PUT',
        `/api/cohorts/${encodeURIComponent(target.id)}/members/${encodeURIComponent(member.learnerId)}/role`,
        { role },
        ownerWords(face, target.id),
      );
      out(`${face.m('cohort.roleSet', { member: member.name, role: roleName(face, role), name: target.name })}\n`);
    });

  cohort
    .command('invite [cohort]')
    .description(h('cohort.invite'))
    .option('--renew', h('cohort.renew'))
    .option('--json', h('cohort.json'))
    .action(async (named: string | undefined, options: { renew?: boolean; json?: boolean }) => {
      const face = faceOf(io);
      const target = await pickCohort(face, named);
      const found = options.renew
        ? (
            await ask<{ cohort: CohortJson }>(
              face,
              'POST',
              `/api/cohorts/${encodeURIComponent(target.id)}/invite-code`,
              undefined,
              {
                NOT_FOUND: notInCohort(face, target.id),
                FORBIDDEN: () => refuse('FORBIDDEN', face.m('cohort.ownerOrMentor')),
              },
            )
          ).cohort
        : await getCohort(face, target.id);
      if (!found.invite) throw refuse('FORBIDDEN', face.m('cohort.noInvite'));
      if (options.json) return json({ invite: found.invite });
      out(`${face.m(options.renew ? 'cohort.renewed' : 'cohort.invite', found.invite)}\n`);
    });
}
