/**
 * @module learner/cohorts
 * Cohorts, once for both faces (the API's /api/cohorts routes and `mlpath cohort` through them):
 * a learner creates a study group, bootcamp or team with a name and a target date, and others join
 * with its invite code. Roles: the owner (who made it, or to whom it passed), mentors and members.
 * The owner makes a member a mentor (or back) and removes members; the owner and mentors see the
 * invite code; anyone leaves. Each member chooses what the others see — progress (skills and
 * readiness) and pace (hours a week, pace, forecast finish, whether they are behind the cohort's
 * date) — and shares nothing until they choose. Notes are never shared: the status below is made
 * from the same records as `mlpath status`, which hold no notes.
 *
 * Every action takes the acting learner's context and checks that learner's membership first; a
 * cohort the learner is not in is NOT_FOUND, the same answer as a cohort that does not exist.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, daysBetween, isValidIsoDate } from '../core/dates.js';
import { hoursLoggedBetween } from '../core/weeks.js';
import { COHORT_KINDS, MAX_COHORT_NAME } from '../core/cohort-model.js';
import type { Cohort, CohortKind, CohortMember, CohortRole, CohortSharing } from '../store/store.js';
import type { LearnerContext } from './context.js';
import { today } from './context.js';
import { codedProblem } from '../core/errors.js';
import type { MessageParams } from '../core/errors.js';
import { LearnerError } from './errors.js';
import { progressSnapshot, status } from './progress.js';

export { COHORT_KINDS, MAX_COHORT_NAME };
export type { Cohort, CohortKind, CohortRole, CohortSharing };

/**
 * Members a cohort may have. Its status re-plans every sharing member (5-10 ms each on a busy
 * two-core machine: bench/cohort.bench.ts); 50 keeps a full cohort's status near a third of a second
 * and within the snapshots the learner layer keeps per store (KEPT_SNAPSHOTS, 64): past them, each
 * status computed every member afresh (65 members: 1.2-4 s).
 */
export const MAX_COHORT_MEMBERS = 50;
/** Weeks the "hours a week" of a member is averaged over (this week and the three before). */
export const COHORT_HOURS_WEEKS = 4;
/** Invite codes: 10 characters of Crockford's base 32 (50 bits), shown as XXXXX-XXXXX. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

export interface CohortInput {
  readonly name: string;
  readonly kind: string;
  readonly targetDate: string;
}

export interface MemberProgress {
  readonly skillsDone: number;
  readonly skillsTotal: number;
  /** 0-100. */
  readonly percent: number;
  /** Readiness for the member's target role, 0-100. */
  readonly readiness: number;
}

export interface MemberPace {
  readonly hoursThisWeek: number;
  /** Mean hours a week over the last COHORT_HOURS_WEEKS weeks (this one included). */
  readonly weeklyHours: number;
  /** The hours a week the member's profile plans; null without a profile. */
  readonly plannedHours: number | null;
  /** Observed hours per estimated hour; null without a profile. */
  readonly pace: number | null;
  /** The forecast finish; null without a profile. */
  readonly finishDate: string | null;
  /** Days the forecast finish lies after the cohort's date (negative: before); null without one. */
  readonly daysLate: number | null;
}

export interface CohortMemberStatus {
  readonly learnerId: string;
  readonly name: string;
  readonly role: CohortRole;
  readonly joinedAt: string;
  /** The acting learner's own row. */
  readonly you: boolean;
  readonly sharing: CohortSharing;
  /** Null unless the member shares progress (one's own row always has it). */
  readonly progress: MemberProgress | null;
  /** Null unless the member shares pace (one's own row always has it). */
  readonly pace: MemberPace | null;
  /** Whether the forecast finish is after the cohort's date; null when unknown (pace not shared, no profile). */
  readonly behind: boolean | null;
}

export interface CohortSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: CohortKind;
  readonly targetDate: string;
  readonly createdAt: string;
  /** The acting learner's role. */
  readonly role: CohortRole;
  readonly members: number;
}

export interface CohortStatus extends CohortSummary {
  readonly today: string;
  /** Only for the owner and mentors. */
  readonly inviteCode: string | null;
  readonly memberList: readonly CohortMemberStatus[];
  /** Names of the members whose shared forecast finishes after the cohort's date. */
  readonly behind: readonly string[];
}

/** A coded refusal: its catalogue key and values, the field it names and a hint key. */
function refuse(
  code: 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT',
  reason: ConstructorParameters<typeof LearnerError>[0]['reason'],
  key: string,
  params: MessageParams,
  options: { path?: string; details?: Record<string, unknown>; hint?: string } = {},
): LearnerError {
  return new LearnerError({
    code,
    reason,
    key,
    params,
    details: options.details ?? {},
    ...(options.hint ? { hintKey: options.hint } : {}),
    ...(options.path ? { problems: [codedProblem(key, params, { path: options.path })] } : {}),
  });
}

function newInviteCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}

/** The code as shown: XXXXX-XXXXX. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The invite code in what a learner typed: the code (any case, with or without its dash or spaces)
 * or an invite link carrying it (`…/#/cohorts?join=CODE`). Undefined when it cannot be one.
 */
export function inviteCodeFrom(text: string): string | undefined {
  let raw = text.trim();
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      // The web app's link keeps its query in the fragment (`/#/cohorts?join=CODE`).
      raw = url.searchParams.get('join') ?? new URLSearchParams(url.hash.split('?')[1] ?? '').get('join') ?? '';
    } catch {
      return undefined;
    }
  }
  const code = raw.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}

function checkInput(ctx: LearnerContext, input: CohortInput): { name: string; kind: CohortKind; targetDate: string } {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_COHORT_NAME || /\p{Cc}/u.test(name)) {
    throw refuse(
      'INVALID_INPUT',
      'bad-cohort-name',
      'cohort.badName',
      { max: MAX_COHORT_NAME },
      { path: 'name', details: { max: MAX_COHORT_NAME } },
    );
  }
  if (!(COHORT_KINDS as readonly string[]).includes(input.kind)) {
    throw refuse(
      'INVALID_INPUT',
      'bad-cohort-kind',
      'cohort.badKind',
      { kind: input.kind, kinds: COHORT_KINDS.join(', ') },
      {
        path: 'kind',
        details: { kind: input.kind, kinds: COHORT_KINDS },
      },
    );
  }
  const now = today(ctx);
  if (!isValidIsoDate(input.targetDate) || input.targetDate <= now) {
    throw refuse(
      'INVALID_INPUT',
      'bad-target-date',
      'cohort.badTargetDate',
      { date: input.targetDate, today: now },
      { path: 'targetDate', details: { date: input.targetDate, today: now } },
    );
  }
  return { name, kind: input.kind as CohortKind, targetDate: input.targetDate };
}

/**
 * The acting learner's membership of a cohort; NOT_FOUND when there is none (or no such cohort).
 * With `lock`, the cohort's row is locked first (in the request's write transaction), so two
 * changes of one cohort's members (two people leaving at once) run in turn, each on the other's result.
 */
async function membership(
  ctx: LearnerContext,
  cohortId: string,
  options: { lock?: boolean } = {},
): Promise<{ cohort: Cohort; members: CohortMember[]; me: CohortMember }> {
  if (options.lock) await ctx.store.lockCohort(cohortId);
  const cohort = await ctx.store.getCohort(cohortId);
  const members = cohort ? await ctx.store.listCohortMembers(cohortId) : [];
  const me = members.find((m) => m.learnerId === ctx.learnerId);
  if (!cohort || !me) {
    throw refuse(
      'NOT_FOUND',
      'unknown-cohort',
      'cohort.unknown',
      { id: cohortId },
      {
        details: { cohort: cohortId },
        hint: 'hint.cohortList',
      },
    );
  }
  return { cohort, members, me };
}

function summaryOf(cohort: Cohort, role: CohortRole, members: number): CohortSummary {
  return {
    id: cohort.id,
    name: cohort.name,
    kind: cohort.kind,
    targetDate: cohort.targetDate,
    createdAt: cohort.createdAt,
    role,
    members,
  };
}

export async function createCohort(ctx: LearnerContext, input: CohortInput): Promise<CohortStatus> {
  const checked = checkInput(ctx, input);
  const id = randomUUID();
  await ctx.store.createCohort(
    { id, ...checked, inviteCode: newInviteCode(), createdAt: ctx.clock().toISOString() },
    ctx.learnerId,
  );
  return cohortStatus(ctx, id);
}

export async function listCohorts(ctx: LearnerContext): Promise<CohortSummary[]> {
  const mine = await ctx.store.listCohortsOf(ctx.learnerId);
  return Promise.all(
    mine.map(async ({ cohort, role }) =>
      summaryOf(cohort, role, (await ctx.store.listCohortMembers(cohort.id)).length),
    ),
  );
}

/** Join with an invite code (or link); the new member shares nothing. */
export async function joinCohort(ctx: LearnerContext, codeOrLink: string): Promise<CohortStatus> {
  const code = inviteCodeFrom(codeOrLink);
  const cohort = code === undefined ? undefined : await ctx.store.findCohortByCode(code);
  if (!cohort) {
    throw refuse(
      'NOT_FOUND',
      'bad-invite-code',
      'cohort.badCode',
      {},
      {
        path: 'code',
        hint: 'hint.inviteCode',
      },
    );
  }
  await ctx.store.lockCohort(cohort.id);
  // Its last member may have left (deleting it) while this request waited for the lock.
  if (!(await ctx.store.getCohort(cohort.id))) {
    throw refuse('NOT_FOUND', 'bad-invite-code', 'cohort.badCode', {}, { path: 'code' });
  }
  const members = await ctx.store.listCohortMembers(cohort.id);
  if (members.some((m) => m.learnerId === ctx.learnerId)) {
    throw refuse(
      'CONFLICT',
      'already-member',
      'cohort.alreadyMember',
      { name: cohort.name },
      {
        details: { cohort: cohort.id, name: cohort.name },
      },
    );
  }
  if (members.length >= MAX_COHORT_MEMBERS) {
    // Refused (403), not a conflict with the learner's own state: nothing they change makes room.
    throw refuse(
      'FORBIDDEN',
      'cohort-full',
      'cohort.full',
      { name: cohort.name, max: MAX_COHORT_MEMBERS },
      {
        details: { cohort: cohort.id, name: cohort.name, max: MAX_COHORT_MEMBERS },
        hint: 'hint.cohortFull',
      },
    );
  }
  await ctx.store.addCohortMember(cohort.id, ctx.learnerId, 'member', ctx.clock().toISOString());
  return cohortStatus(ctx, cohort.id);
}

/** Choose what the others see of you in this cohort. */
export async function setSharing(ctx: LearnerContext, cohortId: string, sharing: CohortSharing): Promise<CohortStatus> {
  await membership(ctx, cohortId);
  await ctx.store.updateCohortMember(cohortId, ctx.learnerId, { sharing });
  return cohortStatus(ctx, cohortId);
}

function ownerOnly(me: CohortMember, what: 'roles' | 'remove'): void {
  if (me.role !== 'owner') {
    throw refuse('FORBIDDEN', 'not-cohort-owner', `cohort.ownerOnly.${what}`, {}, { details: { what } });
  }
}

function memberOf(members: readonly CohortMember[], learnerId: string, path: string): CohortMember {
  const member = members.find((m) => m.learnerId === learnerId);
  if (!member) {
    throw refuse(
      'NOT_FOUND',
      'unknown-member',
      'cohort.unknownMember',
      { id: learnerId },
      {
        path,
        details: { member: learnerId },
      },
    );
  }
  return member;
}

/** The owner makes a member a mentor, or a mentor a member again. */
export async function setMemberRole(
  ctx: LearnerContext,
  cohortId: string,
  learnerId: string,
  role: string,
): Promise<CohortStatus> {
  const { members, me } = await membership(ctx, cohortId, { lock: true });
  ownerOnly(me, 'roles');
  if (role !== 'mentor' && role !== 'member') {
    throw refuse(
      'INVALID_INPUT',
      'bad-role',
      'cohort.badRole',
      { role },
      {
        path: 'role',
        details: { role },
      },
    );
  }
  const member = memberOf(members, learnerId, 'member');
  if (member.role === 'owner') {
    throw refuse('INVALID_INPUT', 'owner-role', 'cohort.ownerKeepsRole', {}, { path: 'member' });
  }
  await ctx.store.updateCohortMember(cohortId, learnerId, { role });
  return cohortStatus(ctx, cohortId);
}

/** The owner removes a member (not themself: they leave). */
export async function removeMember(ctx: LearnerContext, cohortId: string, learnerId: string): Promise<CohortStatus> {
  const { members, me } = await membership(ctx, cohortId, { lock: true });
  ownerOnly(me, 'remove');
  memberOf(members, learnerId, 'member');
  if (learnerId === ctx.learnerId) {
    throw refuse(
      'INVALID_INPUT',
      'owner-role',
      'cohort.ownerLeaves',
      {},
      {
        path: 'member',
        hint: 'hint.cohortLeave',
      },
    );
  }
  await ctx.store.removeCohortMember(cohortId, learnerId);
  return cohortStatus(ctx, cohortId);
}

/**
 * Leave a cohort. An owner who leaves hands it to the longest-standing mentor, else member; the
 * last one out deletes it.
 */
export async function leaveCohort(
  ctx: LearnerContext,
  cohortId: string,
): Promise<{ left: string; deleted: boolean; newOwner: string | null }> {
  const { members, me } = await membership(ctx, cohortId, { lock: true });
  const others = members.filter((m) => m.learnerId !== ctx.learnerId);
  if (others.length === 0) {
    await ctx.store.deleteCohort(cohortId);
    return { left: cohortId, deleted: true, newOwner: null };
  }
  let newOwner: string | null = null;
  if (me.role === 'owner') {
    const heir = others.find((m) => m.role === 'mentor') ?? others[0];
    if (heir) {
      await ctx.store.updateCohortMember(cohortId, heir.learnerId, { role: 'owner' });
      newOwner = heir.learnerId;
    }
  }
  await ctx.store.removeCohortMember(cohortId, ctx.learnerId);
  return { left: cohortId, deleted: false, newOwner };
}

/** The owner or a mentor renews the invite code; the old one stops working. */
export async function renewInviteCode(ctx: LearnerContext, cohortId: string): Promise<CohortStatus> {
  const { me } = await membership(ctx, cohortId);
  if (me.role === 'member') {
    throw refuse(
      'FORBIDDEN',
      'not-cohort-owner',
      'cohort.ownerOnly.renew',
      {},
      {
        details: { what: 'renew' },
      },
    );
  }
  await ctx.store.setCohortInviteCode(cohortId, newInviteCode());
  return cohortStatus(ctx, cohortId);
}

/** One member's row: only what they share (all of it for one's own row), computed as `mlpath status` does. */
async function memberStatus(ctx: LearnerContext, cohort: Cohort, member: CohortMember): Promise<CohortMemberStatus> {
  const you = member.learnerId === ctx.learnerId;
  const showProgress = you || member.sharing.progress;
  const showPace = you || member.sharing.pace;
  let progress: MemberProgress | null = null;
  let pace: MemberPace | null = null;
  if (showProgress || showPace) {
    // The member's own records, read for this row only and reduced to the shared numbers.
    const theirs: LearnerContext = { ...ctx, learnerId: member.learnerId };
    const snapshot = await progressSnapshot(theirs);
    const report = await status(theirs, snapshot);
    if (showProgress) {
      const { done, total } = report.skills;
      progress = {
        skillsDone: done,
        skillsTotal: total,
        percent: total === 0 ? 0 : Math.round((done / total) * 1000) / 10,
        readiness: report.readiness.percent,
      };
    }
    if (showPace) {
      const now = snapshot.today;
      const recent = hoursLoggedBetween(snapshot.stats.logged, addDays(now, -(7 * COHORT_HOURS_WEEKS - 1)), now);
      const finish = report.forecast?.finishDate ?? null;
      pace = {
        hoursThisWeek: report.hoursThisWeek,
        weeklyHours: Math.round((recent / COHORT_HOURS_WEEKS) * 10) / 10,
        plannedHours: snapshot.profile?.hoursPerWeek ?? null,
        pace: report.forecast?.pace ?? null,
        finishDate: finish,
        daysLate: finish === null ? null : daysBetween(cohort.targetDate, finish),
      };
    }
  }
  return {
    learnerId: member.learnerId,
    name: member.name,
    role: member.role,
    joinedAt: member.joinedAt,
    you,
    sharing: member.sharing,
    progress,
    pace,
    behind: pace === null || pace.daysLate === null ? null : pace.daysLate > 0,
  };
}

/** A cohort as the acting learner may see it: each member's row holds only what they share. */
export async function cohortStatus(ctx: LearnerContext, cohortId: string): Promise<CohortStatus> {
  const { cohort, members, me } = await membership(ctx, cohortId);
  const memberList: CohortMemberStatus[] = [];
  for (const member of members) memberList.push(await memberStatus(ctx, cohort, member));
  return {
    ...summaryOf(cohort, me.role, members.length),
    today: today(ctx),
    inviteCode: me.role === 'member' ? null : cohort.inviteCode,
    memberList,
    behind: memberList.filter((m) => m.behind === true).map((m) => m.name),
  };
}
