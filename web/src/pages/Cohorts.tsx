/**
 * @module Cohorts
 * Cohorts on a multi-user server: the learner's cohorts, creating one (name, kind, target date),
 * joining with an invite code or link (`#/cohorts?join=CODE` fills the code in), and one cohort
 * (`#/cohorts?id=ID`): each member's row with only what they share (progress; pace: hours a week
 * and the forecast against the cohort's date), who has fallen behind, what the learner shares, the
 * invite for the owner and mentors, the owner's role changes and removals, and leaving.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../../src/contract/limits.js';
import { COHORT_KINDS } from '../../../src/core/cohort-model.js';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { asError } from '../lib/action.js';
import { useAccount } from '../lib/account.js';
import { ApiError, cohortsApi, type CohortKind, type CohortSummary, type CohortView } from '../lib/api.js';
import { useLocale } from '../lib/locale.js';
import { enumerationIn } from '../../../src/i18n/options.js';
import { navigate, useRoute } from '../lib/router.js';

/** A refusal the page words itself (in the page's language), by the field at fault or the code. */
function refusalKey(error: unknown, action: 'create' | 'join' | 'other'): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const path = error.problems[0]?.path;
  if (action === 'create' && path === 'name') return 'cohorts.errors.name';
  if (action === 'create' && path === 'targetDate') return 'cohorts.errors.date';
  if (action === 'join' && error.code === 'NOT_FOUND') return 'cohorts.errors.code';
  if (action === 'join' && error.code === 'CONFLICT') return 'cohorts.errors.already';
  if (action === 'join' && error.code === 'FORBIDDEN') return 'cohorts.errors.full';
  if (error.code === 'FORBIDDEN') return 'cohorts.errors.forbidden';
  if (error.code === 'NOT_FOUND') return 'cohorts.errors.notMember';
  return undefined;
}

export default function Cohorts() {
  const { t, locale, date, num, hoursNum } = useLocale();
  const account = useAccount();
  const route = useRoute();
  const selected = route.params.get('id') ?? undefined;
  const [list, setList] = useState<CohortSummary[] | undefined>();
  const [cohort, setCohort] = useState<CohortView | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [refusal, setRefusal] = useState<{ key: string; field?: 'name' | 'date' | 'code' } | undefined>();
  const [busy, setBusy] = useState(false);
  // Kept as a key and its values, so it follows the page's language.
  const [notice, setNotice] = useState<{ key: string; values?: Record<string, string> } | undefined>();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CohortKind>('study-group');
  const [targetDate, setTargetDate] = useState('');
  const [code, setCode] = useState(route.params.get('join') ?? '');
  const [sharing, setSharing] = useState({ progress: false, pace: false });
  const ids = { name: useId(), kind: useId(), date: useId(), code: useId(), refusal: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After creating or joining, the cohort's heading takes the focus once it is drawn.
  const [focusCohort, setFocusCohort] = useState(false);
  useEffect(() => {
    if (!focusCohort || !cohort) return;
    headingRef.current?.focus();
    setFocusCohort(false);
  }, [focusCohort, cohort]);

  const multiUser = account.mode?.mode === 'multi-user';

  const show = (view: CohortView): void => {
    setCohort(view);
    setSharing(view.members.find((m) => m.you)?.sharing ?? { progress: false, pace: false });
  };

  const loadList = async (): Promise<void> => {
    try {
      setList((await cohortsApi.list()).cohorts);
    } catch (caught) {
      setError(asError(caught));
    }
  };

  useEffect(() => {
    if (!multiUser) return;
    void loadList();
  }, [multiUser]);

  useEffect(() => {
    if (!multiUser || !selected) {
      setCohort(undefined);
      return;
    }
    cohortsApi.get(selected).then(
      ({ cohort: view }) => show(view),
      (caught: unknown) => fail(caught, 'other'),
    );
  }, [multiUser, selected]);

  function fail(caught: unknown, action: 'create' | 'join' | 'other'): void {
    const key = refusalKey(caught, action);
    if (key) {
      const field =
        key === 'cohorts.errors.name'
          ? 'name'
          : key === 'cohorts.errors.date'
            ? 'date'
            : action === 'join'
              ? 'code'
              : undefined;
      setRefusal({ key, ...(field ? { field } : {}) });
      // The field at fault takes the focus, as a screen reader user expects.
      if (field) requestAnimationFrame(() => document.getElementById(ids[field])?.focus());
    } else setError(asError(caught));
  }

  type Notice = { key: string; values?: Record<string, string> };
  async function act(action: 'create' | 'join' | 'other', run: () => Promise<Notice | undefined>): Promise<void> {
    setBusy(true);
    setError(undefined);
    setRefusal(undefined);
    setNotice(undefined);
    try {
      const message = await run();
      if (message) setNotice(message);
      await loadList();
    } catch (caught) {
      fail(caught, action);
    } finally {
      setBusy(false);
    }
  }

  const open = (view: CohortView): void => {
    show(view);
    navigate('cohorts', { id: view.id });
    setFocusCohort(true);
  };

  if (account.mode && !multiUser) {
    return (
      <section aria-labelledby="cohorts-title" className="space-y-4">
        <h1 id="cohorts-title" className="h1">
          {t('cohorts.title')}
        </h1>
        <p className="muted">{t('cohorts.localOnly')}</p>
      </section>
    );
  }
  if (error && !list) return <ErrorNote error={error} onRetry={() => void loadList()} />;
  if (!list) return <Loading />;

  const kindName = (k: string): string => t(`cohorts.kind.${k}`, { defaultValue: k });
  const roleName = (r: string): string => t(`cohorts.role.${r}`, { defaultValue: r });
  const refusalFor = (field: 'name' | 'date' | 'code') =>
    refusal?.field === field ? { 'aria-invalid': true, 'aria-describedby': ids.refusal } : {};
  const me = cohort?.members.find((m) => m.you);

  return (
    <section aria-labelledby="cohorts-title" className="space-y-4">
      <h1 id="cohorts-title" className="h1">
        {t('cohorts.title')}
      </h1>
      <p className="muted">{t('cohorts.intro')}</p>

      {refusal && (
        <p
          id={ids.refusal}
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {t(refusal.key)}
        </p>
      )}
      {error && <ErrorNote error={error} />}
      {notice && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {t(notice.key, {
            ...notice.values,
            // A role is named in the page's language when shown.
            ...(notice.values?.['role'] ? { role: roleName(notice.values['role']) } : {}),
          })}
        </p>
      )}

      {cohort && (
        <article className="card space-y-3" aria-labelledby="cohort-name">
          <h2 id="cohort-name" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
            {cohort.name}
          </h2>
          <p className="muted">
            {t('cohorts.summary', {
              kind: kindName(cohort.kind),
              date: date(cohort.targetDate, 'long'),
              count: cohort.memberCount,
              role: roleName(cohort.role),
            })}
          </p>
          {cohort.invite && (
            <div className="space-y-1">
              <p>
                {t('cohorts.inviteCode')} <code className="font-mono">{cohort.invite.code}</code>
              </p>
              <p className="break-all text-sm">
                {t('cohorts.inviteLink')} <code className="font-mono">{cohort.invite.link}</code>
              </p>
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() =>
                  void act('other', async () => {
                    show((await cohortsApi.renewInvite(cohort.id)).cohort);
                    return { key: 'cohorts.renewed' };
                  })
                }
              >
                {t('cohorts.renew')}
              </button>
            </div>
          )}

          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('cohorts.membersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohorts.col.member')}</th>
                  <th scope="col">{t('cohorts.col.progress')}</th>
                  <th scope="col">{t('cohorts.col.hours')}</th>
                  <th scope="col">{t('cohorts.col.forecast')}</th>
                  {cohort.role === 'owner' && <th scope="col">{t('cohorts.col.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {cohort.members.map((member) => (
                  <tr key={member.learnerId} className="border-t border-slate-200 dark:border-slate-700">
                    <th scope="row" className="py-1 pr-2 font-medium">
                      {member.name}{' '}
                      <span className="muted">
                        ({member.you ? t('cohorts.roleYou', { role: roleName(member.role) }) : roleName(member.role)})
                      </span>
                    </th>
                    <td className="pr-2">
                      {member.progress
                        ? t('cohorts.progress', {
                            done: member.progress.skillsDone,
                            total: member.progress.skillsTotal,
                            percent: num(member.progress.percent),
                          })
                        : t('cohorts.notShared')}
                    </td>
                    <td className="pr-2">
                      {member.pace
                        ? t('cohorts.hours', {
                            weekly: hoursNum(member.pace.weeklyHours),
                            week: hoursNum(member.pace.hoursThisWeek),
                          })
                        : t('cohorts.notShared')}
                    </td>
                    <td className="pr-2">
                      {!member.pace
                        ? t('cohorts.notShared')
                        : member.pace.finishDate === null || member.pace.daysLate === null
                          ? t('cohorts.noPlan')
                          : member.pace.daysLate > 0
                            ? t('cohorts.late', {
                                date: date(member.pace.finishDate),
                                days: member.pace.daysLate,
                                count: member.pace.daysLate,
                              })
                            : t('cohorts.early', {
                                date: date(member.pace.finishDate),
                                days: -member.pace.daysLate,
                                count: -member.pace.daysLate,
                              })}
                      {member.behind === true && (
                        <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-slate-900">
                          {t('cohorts.behindBadge')}
                        </span>
                      )}
                    </td>
                    {cohort.role === 'owner' && (
                      <td className="space-x-1 py-1">
                        {member.role !== 'owner' && (
                          <>
                            <button
                              type="button"
                              className="btn py-0.5 text-xs"
                              disabled={busy}
                              onClick={() =>
                                void act('other', async () => {
                                  const role = member.role === 'mentor' ? 'member' : 'mentor';
                                  show((await cohortsApi.setRole(cohort.id, member.learnerId, role)).cohort);
                                  return { key: 'cohorts.roleSet', values: { name: member.name, role } };
                                })
                              }
                            >
                              {member.role === 'mentor'
                                ? t('cohorts.makeMember', { name: member.name })
                                : t('cohorts.makeMentor', { name: member.name })}
                            </button>
                            <button
                              type="button"
                              className="btn py-0.5 text-xs"
                              disabled={busy}
                              onClick={() => {
                                if (!window.confirm(t('cohorts.removeConfirm', { name: member.name }))) return;
                                void act('other', async () => {
                                  show((await cohortsApi.remove(cohort.id, member.learnerId)).cohort);
                                  return { key: 'cohorts.removed', values: { name: member.name } };
                                });
                              }}
                            >
                              {t('cohorts.remove', { name: member.name })}
                            </button>
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {cohort.behind.length > 0
              ? t('cohorts.behind', { names: enumerationIn(locale, cohort.behind) })
              : t('cohorts.noneBehind')}
          </p>

          {me && (
            <form
              className="space-y-2"
              onSubmit={(event) => {
                event.preventDefault();
                void act('other', async () => {
                  show((await cohortsApi.share(cohort.id, sharing)).cohort);
                  return { key: 'cohorts.sharingSaved' };
                });
              }}
            >
              <fieldset className="space-y-1">
                <legend className="font-semibold">{t('cohorts.sharingLegend')}</legend>
                <p className="text-sm muted">{t('cohorts.sharingHelp')}</p>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={sharing.progress}
                    onChange={(event) => setSharing({ ...sharing, progress: event.target.checked })}
                  />
                  {t('cohorts.shareProgress')}
                </label>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={sharing.pace}
                    onChange={(event) => setSharing({ ...sharing, pace: event.target.checked })}
                  />
                  {t('cohorts.sharePace')}
                </label>
              </fieldset>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t('cohorts.saveSharing')}
              </button>
            </form>
          )}
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('cohorts.leaveConfirm', { name: cohort.name }))) return;
              void act('other', async () => {
                await cohortsApi.leave(cohort.id);
                setCohort(undefined);
                navigate('cohorts');
                return { key: 'cohorts.left', values: { name: cohort.name } };
              });
            }}
          >
            {t('cohorts.leave')}
          </button>
        </article>
      )}

      <section aria-labelledby="cohorts-mine" className="card space-y-2">
        <h2 id="cohorts-mine" className="text-lg font-semibold">
          {t('cohorts.mine')}
        </h2>
        {list.length === 0 ? (
          <p className="muted">{t('cohorts.none')}</p>
        ) : (
          <ul className="space-y-1">
            {list.map((c) => (
              <li key={c.id}>
                <a
                  href={`#/cohorts?id=${encodeURIComponent(c.id)}`}
                  aria-current={c.id === selected ? 'page' : undefined}
                >
                  {c.name}
                </a>{' '}
                <span className="muted text-sm">
                  {t('cohorts.summary', {
                    kind: kindName(c.kind),
                    date: date(c.targetDate, 'long'),
                    count: c.members,
                    role: roleName(c.role),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <form
          className="card space-y-2"
          aria-labelledby="cohorts-join"
          onSubmit={(event) => {
            event.preventDefault();
            void act('join', async () => {
              const { cohort: joined } = await cohortsApi.join(code);
              setCode('');
              open(joined);
              return { key: 'cohorts.joined', values: { name: joined.name } };
            });
          }}
        >
          <h2 id="cohorts-join" className="text-lg font-semibold">
            {t('cohorts.joinTitle')}
          </h2>
          <label htmlFor={ids.code} className="label">
            {t('cohorts.code')}
          </label>
          <input
            id={ids.code}
            className="field font-mono"
            value={code}
            required
            autoComplete="off"
            onChange={(event) => setCode(event.target.value)}
            {...refusalFor('code')}
          />
          <p className="text-sm muted">{t('cohorts.joinHelp')}</p>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('cohorts.join')}
          </button>
        </form>

        <form
          className="card space-y-2"
          aria-labelledby="cohorts-create"
          onSubmit={(event) => {
            event.preventDefault();
            void act('create', async () => {
              const { cohort: made } = await cohortsApi.create({ name, kind, targetDate });
              setName('');
              setTargetDate('');
              open(made);
              return { key: 'cohorts.created', values: { name: made.name } };
            });
          }}
        >
          <h2 id="cohorts-create" className="text-lg font-semibold">
            {t('cohorts.createTitle')}
          </h2>
          <label htmlFor={ids.name} className="label">
            {t('cohorts.name')}
          </label>
          <input
            id={ids.name}
            className="field"
            value={name}
            required
            maxLength={LIMITS.cohortName}
            onChange={(event) => setName(event.target.value)}
            {...refusalFor('name')}
          />
          <label htmlFor={ids.kind} className="label">
            {t('cohorts.kindLabel')}
          </label>
          <select
            id={ids.kind}
            className="field"
            value={kind}
            onChange={(event) => setKind(event.target.value as CohortKind)}
          >
            {COHORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.date} className="label">
            {t('cohorts.targetDate')}
          </label>
          <input
            id={ids.date}
            type="date"
            className="field"
            value={targetDate}
            required
            onChange={(event) => setTargetDate(event.target.value)}
            {...refusalFor('date')}
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('cohorts.create')}
          </button>
        </form>
      </div>
    </section>
  );
}
