/**
 * @module Onboarding
 * First visit: the learner answers in four steps, may take a short self-check (placement: what they
 * show they know is marked known and left out of the plan, after a summary to confirm), sees the
 * recommended route with its reasons and the finish date (a preview, nothing saved), then saves and
 * starts on This week. Each step is a
 * route (`#/onboarding?step=time`), so Back walks the steps; the answers are kept on this device
 * (`mlpath.onboarding`) across Back, "Change my answers" and a reload until the plan is saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { PlacementCheck, PlacementOffer } from '../components/PlacementCheck.js';
import { PlanTimeline } from '../components/PlanTimeline.js';
import { ProfileForm, STEPS, toInput, type Draft, type Step } from '../components/ProfileForm.js';
import { setLanguage } from '../i18n/index.js';
import { asError, useAction } from '../lib/action.js';
import { api, type Preview, type ProfileInput } from '../lib/api.js';
import { useCurriculum, useProfile } from '../lib/data.js';
import { localToday } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { invalidate, PROFILE_KEYS } from '../lib/resource.js';
import { href, navigate, useRoute } from '../lib/router.js';
import { goalOf } from '../../../src/core/model.js';

const KEPT = 'mlpath.onboarding';

interface Kept {
  readonly draft: Draft;
  readonly route: string | undefined;
}

function readKept(): Kept | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT) ?? 'null') as Kept | null;
    return kept && typeof kept.draft === 'object' ? kept : undefined;
  } catch {
    return undefined;
  }
}

function keep(kept: Kept | undefined): void {
  try {
    if (kept) localStorage.setItem(KEPT, JSON.stringify(kept));
    else localStorage.removeItem(KEPT);
  } catch {
    // Keeping the answers is best effort.
  }
}

/** Years a plan of this many weeks runs, from which the preview warns. */
const LONG_PLAN_YEARS = 4;

export default function Onboarding() {
  const { t, tx, date, num, hoursNum } = useLocale();
  const curriculum = useCurriculum();
  const profile = useProfile();
  const routeParams = useRoute().params;
  const asked = routeParams.get('step');
  const step: Step | 'check' | 'preview' =
    asked === 'preview' || asked === 'check' ? asked : STEPS.includes(asked as Step) ? (asked as Step) : 'start';
  const [kept, setKept] = useState<Kept | undefined>(readKept);
  const [preview, setPreview] = useState<{ key: string; value: Preview } | undefined>();
  const { busy, error, setError, run: write } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const input: ProfileInput | undefined = kept
    ? { ...toInput(kept.draft), ...(kept.route ? { route: kept.route } : {}) }
    : undefined;
  const inputKey = JSON.stringify(input ?? null);

  const onDraft = useCallback((draft: Draft) => {
    setKept((current) => {
      const next = { draft, route: current?.route };
      keep(next);
      return next;
    });
  }, []);

  // Each step and the preview move focus to their heading, so a screen reader starts there.
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    heading.current?.focus();
  }, [step, preview?.key]);

  // The preview is made from the kept answers (also after a reload on it).
  useEffect(() => {
    if (step !== 'preview' || !input || preview?.key === inputKey) return;
    let live = true;
    setError(undefined);
    api.preview(input).then(
      (value) => live && setPreview({ key: inputKey, value }),
      (caught: unknown) => live && setError(asError(caught)),
    );
    return () => {
      live = false;
    };
  }, [step, inputKey, preview?.key]);

  if (curriculum.error) return <ErrorNote error={curriculum.error} onRetry={curriculum.reload} />;
  if (!curriculum.data) return <Loading />;
  const c = curriculum.data;
  if ((step === 'preview' || step === 'check') && !input) {
    navigate('onboarding');
    return <Loading />;
  }
  if (step === 'preview' && preview?.key !== inputKey)
    return error ? <ErrorNote error={error} onRetry={() => setPreview(undefined)} /> : <Loading />;

  const run = async (action: () => Promise<void>): Promise<void> => void (await write(action));

  if (step === 'preview' && preview && input && kept) {
    const route = c.routes.find((r) => r.id === preview.value.plan.route);
    const plan = preview.value.plan;
    const years = plan.weekCount / 52;
    return (
      <section aria-labelledby="preview-title" className="space-y-4">
        <h1 id="preview-title" className="h1" ref={heading} tabIndex={-1}>
          {t('onboarding.previewTitle')}
        </h1>
        {years >= LONG_PLAN_YEARS && (
          <p className="warning card" data-testid="long-plan">
            {t('onboarding.longPlan', {
              hours: hoursNum(plan.hoursPerWeek),
              years: num(years, 0),
              date: date(plan.finishDate, 'long'),
            })}
          </p>
        )}
        <div className="card space-y-3">
          <h2 className="h2">
            {t('common.label', { label: t('onboarding.route') })}
            {route ? tx(route.title) : preview.value.recommendation.route}
          </h2>
          {route?.summary && <p>{tx(route.summary)}</p>}
          {c.routes.length > 1 && (
            <div>
              <label className="label" htmlFor="route-choice">
                {t('onboarding.otherRoute')}
              </label>
              <select
                id="route-choice"
                className="field w-auto max-w-full"
                value={input.route ?? ''}
                disabled={busy}
                onChange={(event) => {
                  const next = { draft: kept.draft, route: event.target.value || undefined };
                  keep(next);
                  setKept(next);
                }}
              >
                <option value="">{t('onboarding.recommended')}</option>
                {c.routes.map((r) => (
                  <option key={r.id} value={r.id}>
                    {tx(r.title)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <h3 className="font-semibold">{t('onboarding.why')}</h3>
          <ul className="list-disc space-y-1 pl-5" data-testid="route-reasons">
            {preview.value.recommendation.reasons.map((reason, index) => (
              <li key={index}>{tx(reason)}</li>
            ))}
          </ul>
        </div>
        <dl className="card grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm muted">{t('plan.finish')}</dt>
            <dd className="text-xl font-bold" data-testid="finish-date">
              {date(plan.finishDate, 'long')}
            </dd>
          </div>
          <div>
            <dt className="text-sm muted">{t('plan.totalHours')}</dt>
            <dd className="text-xl font-bold">{t('common.hours', { value: hoursNum(plan.totalHours) })}</dd>
          </div>
          <div>
            <dt className="text-sm muted">{t('plan.weeks')}</dt>
            <dd className="text-xl font-bold">{num(plan.weekCount, 0)}</dd>
          </div>
        </dl>
        <PlanTimeline curriculum={c} plan={plan} today={localToday()} />
        {plan.milestones.length > 0 && (
          <div className="card">
            <h2 className="h2">{t('plan.milestones')}</h2>
            <ol className="space-y-1">
              {[...plan.milestones]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((milestone) => {
                  const stage = c.stages.find((s) => s.id === milestone.stage);
                  return (
                    <li key={milestone.stage} className="flex flex-wrap justify-between gap-2">
                      <span>{milestone.title ? tx(milestone.title) : stage ? tx(stage.title) : t('plan.ready')}</span>
                      <span className="muted">{date(milestone.date)}</span>
                    </li>
                  );
                })}
            </ol>
          </div>
        )}
        {error && <ErrorNote error={error} />}
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn" onClick={() => navigate('onboarding', { step: 'start' })}>
            {t('onboarding.change')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await api.saveProfile(input);
                if (input.locale === 'en' || input.locale === 'zh-CN') await setLanguage(input.locale);
                await invalidate(...PROFILE_KEYS);
                keep(undefined);
                navigate('today');
              })
            }
          >
            {busy ? t('common.working') : t('onboarding.save')}
          </button>
        </div>
      </section>
    );
  }

  // The self-check belongs to the last step, "What you know".
  const index = STEPS.indexOf(step === 'preview' || step === 'check' ? 'known' : step);
  const placementKnown = [
    ...(c.startingPoints.find((p) => p.id === kept?.draft.startingPoint)?.known ?? []),
    ...(kept?.draft.known ?? []),
  ];
  return (
    <section aria-labelledby="onboarding-title">
      <h1 id="onboarding-title" className="h1">
        {t('onboarding.title', { goal: tx(goalOf(c.meta)) })}
      </h1>
      <p className="mb-2 muted">{t('onboarding.intro')}</p>
      <p className="mb-4">
        <a href={href('roadmap')}>{t('onboarding.browse')}</a> ·{' '}
        <a href={href('settings')}>{t('onboarding.restore')}</a>
      </p>
      <nav aria-label={t('onboarding.steps')} className="mb-3">
        <ol className="flex flex-wrap gap-x-1 gap-y-2 text-sm">
          {STEPS.map((name, i) => (
            <li
              key={name}
              aria-current={i === index ? 'step' : undefined}
              className={`flex items-center gap-1.5 rounded-full border px-2.5 py-1 ${
                i === index
                  ? 'border-blue-700 bg-blue-700 font-semibold text-white dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950'
                  : i < index
                    ? 'border-blue-700 text-blue-800 dark:border-blue-300 dark:text-blue-200'
                    : 'border-slate-300 muted dark:border-slate-600'
              }`}
            >
              <span aria-hidden="true">{i < index ? '✓' : num(i + 1, 0)}</span>
              {t(`onboarding.step.${name}`)}
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={heading} tabIndex={-1} className="h2" data-testid="step-heading">
        {t('onboarding.stepOf', {
          n: num(index + 1, 0),
          total: num(STEPS.length, 0),
          name: t(`onboarding.step.${STEPS[index] ?? 'start'}`),
        })}
      </h2>
      {error && <ErrorNote error={error} />}
      {step === 'check' && kept ? (
        <PlacementCheck
          curriculum={c}
          known={placementKnown}
          onDone={(placed) => {
            if (placed.length > 0) {
              const next = { ...kept, draft: { ...kept.draft, known: [...new Set([...kept.draft.known, ...placed])] } };
              keep(next);
              setKept(next);
            }
            navigate('onboarding', { step: 'preview' });
          }}
        />
      ) : (
        <>
          {step === 'known' && <PlacementOffer onStart={() => navigate('onboarding', { step: 'check' })} />}
          <ProfileForm
            key={step}
            curriculum={c}
            profile={profile.data?.profile}
            draft={kept?.draft}
            onDraft={onDraft}
            step={step === 'preview' || step === 'check' ? 'known' : step}
            onStep={(next) => navigate('onboarding', { step: next })}
            submitLabel={t('onboarding.preview')}
            busy={busy}
            onSubmit={() => navigate('onboarding', { step: 'preview' })}
          />
        </>
      )}
    </section>
  );
}
