/**
 * @module Onboarding
 * First visit: the learner answers, sees the recommended route with its reasons and the finish
 * date (a preview, nothing saved), then saves and starts.
 */
import { useState } from 'react';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { ProfileForm } from '../components/ProfileForm.js';
import { setLanguage } from '../i18n/index.js';
import { api, type Preview, type ProfileInput } from '../lib/api.js';
import { useCurriculum, useProfile } from '../lib/data.js';
import { useLocale } from '../lib/locale.js';
import { invalidate, PROFILE_KEYS } from '../lib/resource.js';
import { href, navigate } from '../lib/router.js';
import { goalOf } from '../../../src/core/model.js';

export default function Onboarding() {
  const { t, tx, date, num } = useLocale();
  const curriculum = useCurriculum();
  const profile = useProfile();
  const [input, setInput] = useState<ProfileInput | undefined>();
  const [preview, setPreview] = useState<Preview | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();

  if (curriculum.error) return <ErrorNote error={curriculum.error} onRetry={curriculum.reload} />;
  if (!curriculum.data) return <Loading />;
  const c = curriculum.data;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  if (preview && input) {
    const route = c.routes.find((r) => r.id === preview.plan.route);
    const plan = preview.plan;
    return (
      <section aria-labelledby="preview-title" className="space-y-4">
        <h1 id="preview-title" className="h1">
          {t('onboarding.previewTitle')}
        </h1>
        <div className="card space-y-3">
          <h2 className="h2">
            {t('common.label', { label: t('onboarding.route') })}{' '}
            {route ? tx(route.title) : preview.recommendation.route}
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
                  const next = { ...input, route: event.target.value || undefined };
                  void run(async () => {
                    setPreview(await api.preview(next));
                    setInput(next);
                  });
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
            {preview.recommendation.reasons.map((reason, index) => (
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
            <dd className="text-xl font-bold">{t('common.hours', { value: num(plan.totalHours, 0) })}</dd>
          </div>
          <div>
            <dt className="text-sm muted">{t('plan.weeks')}</dt>
            <dd className="text-xl font-bold">{num(plan.weekCount, 0)}</dd>
          </div>
        </dl>
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
          <button type="button" className="btn" onClick={() => setPreview(undefined)}>
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
      {error && <ErrorNote error={error} />}
      <ProfileForm
        curriculum={c}
        profile={profile.data?.profile}
        submitLabel={t('onboarding.preview')}
        busy={busy}
        onSubmit={(next) =>
          void run(async () => {
            const result = await api.preview(next);
            setInput(next);
            setPreview(result);
            window.scrollTo(0, 0);
          })
        }
      />
    </section>
  );
}
