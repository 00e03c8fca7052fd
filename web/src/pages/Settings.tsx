/**
 * @module Settings
 * Edit the profile (saving re-plans) and the target date, language, theme, export (ics, md, json) and import.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { TargetDate } from '../components/Outlook.js';
import { ProfileForm } from '../components/ProfileForm.js';
import { setLanguage, type Language } from '../i18n/index.js';
import { useAction } from '../lib/action.js';
import { api, ApiError, exportUrl, type CalendarFeed } from '../lib/api.js';
import { useCurriculum, useProfile, useStatus } from '../lib/data.js';
import { useLocale } from '../lib/locale.js';
import { someOf } from '../../../src/i18n/options.js';
import { invalidate, PROFILE_KEYS } from '../lib/resource.js';
import { applyTheme, storedTheme, type Theme } from '../lib/theme.js';
import { LanguageOptions } from '../components/LanguageOptions.js';

export default function Settings() {
  const { t, locale, date } = useLocale();
  const curriculum = useCurriculum();
  const profile = useProfile();
  const status = useStatus();
  const { busy, error, run: write } = useAction();
  const [message, setMessage] = useState('');
  const [theme, setTheme] = useState<Theme>(storedTheme);
  // Unticked, as the command line's import without --merge: a backup never merges into progress silently.
  const [merge, setMerge] = useState(false);
  const [fileName, setFileName] = useState('');
  const [feed, setFeed] = useState<CalendarFeed | undefined>();
  const id = useId();
  const importForm = useRef<HTMLFormElement>(null);
  // A backup refused because progress is already here (CONFLICT): the page offers to merge it instead.
  const [importRefused, setImportRefused] = useState(false);

  // The confirmation goes away after a while; it stays in the page's status for screen readers until then.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 10_000);
    return () => clearTimeout(timer);
  }, [message]);

  /** Runs a write whose confirmation the page shows once it is done. */
  const run = async (action: () => Promise<string>) => {
    setMessage('');
    const said = await write(action);
    if (said !== undefined) setMessage(said);
  };

  const importFile = (merging: boolean) => {
    const input = importForm.current?.elements.namedItem('backup') as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) return;
    setImportRefused(false);
    void run(async () => {
      let result;
      try {
        result = await api.importBackup(await file.text(), merging);
      } catch (caught) {
        setImportRefused(caught instanceof ApiError && caught.code === 'CONFLICT');
        throw caught;
      }
      await invalidate(...PROFILE_KEYS);
      const imported = t('settings.imported', {
        events: result.imported.events,
        projects: result.imported.projects,
      });
      const unknown = result.unknownItems;
      if (unknown.length === 0) return imported;
      return `${imported} ${t('settings.importedUnknown', { count: unknown.length, items: someOf(locale, unknown) })}`;
    });
  };

  return (
    <section aria-labelledby="settings-title" className="space-y-6">
      <h1 id="settings-title" className="h1">
        {t('settings.title')}
      </h1>
      {/* Shown at the bottom of the window, so a confirmation is in sight wherever the form was sent from. */}
      <p
        role="status"
        aria-live="polite"
        className={
          message
            ? 'card fixed inset-x-3 bottom-3 z-20 mx-auto max-w-xl border-green-700 text-green-800 shadow-lg dark:border-green-400 dark:text-green-300'
            : 'sr-only'
        }
      >
        {message}
      </p>
      {error && <ErrorNote error={error} />}

      <section className="card grid gap-4 sm:grid-cols-2" aria-labelledby="appearance-title">
        <h2 id="appearance-title" className="h2 sm:col-span-2">
          {t('settings.appearance')}
        </h2>
        <div>
          <label className="label" htmlFor={`${id}-language`}>
            {t('settings.language')}
          </label>
          <select
            id={`${id}-language`}
            className="field"
            value={locale}
            onChange={(event) => void setLanguage(event.target.value as Language)}
          >
            <LanguageOptions />
          </select>
        </div>
        <div>
          <label className="label" htmlFor={`${id}-theme`}>
            {t('settings.theme')}
          </label>
          <select
            id={`${id}-theme`}
            className="field"
            value={theme}
            onChange={(event) => {
              const next = event.target.value as Theme;
              setTheme(next);
              applyTheme(next);
            }}
          >
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </div>
      </section>

      <section className="card space-y-3" aria-labelledby="data-title">
        <h2 id="data-title" className="h2">
          {t('settings.data')}
        </h2>
        <p className="text-sm muted">{t('settings.exportHint')}</p>
        <div className="flex flex-wrap gap-2">
          <a
            className="btn no-underline"
            href={exportUrl('ics', locale)}
            download="mlpath-plan.ics"
            data-testid="export-ics"
          >
            {t('settings.exportIcs')}
          </a>
          <a className="btn no-underline" href={exportUrl('md', locale)} download="mlpath-progress.md">
            {t('settings.exportMd')}
          </a>
          <a className="btn no-underline" href={exportUrl('json', locale)} download="mlpath-backup.json">
            {t('settings.exportJson')}
          </a>
        </div>
        <form
          ref={importForm}
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            importFile(merge);
          }}
        >
          <div>
            <span className="label" id={`${id}-backup-label`}>
              {t('settings.importFile')}
            </span>
            {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
            <input
              id={`${id}-backup`}
              name="backup"
              type="file"
              accept="application/json,.json"
              required
              className="peer sr-only"
              aria-labelledby={`${id}-backup-label`}
              onChange={(event) => setFileName(event.target.files?.[0]?.name ?? '')}
            />
            <label
              htmlFor={`${id}-backup`}
              className="btn cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-blue-600"
            >
              {t('settings.chooseFile')}
            </label>
            <span className="ml-2 text-sm muted">{fileName || t('settings.noFile')}</span>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={merge} onChange={(event) => setMerge(event.target.checked)} />
            {t('settings.merge')}
          </label>
          <button type="submit" className="btn" disabled={busy}>
            {t('settings.import')}
          </button>
          {importRefused && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => {
                setMerge(true);
                importFile(true);
              }}
            >
              {t('settings.mergeInstead')}
            </button>
          )}
        </form>
      </section>

      <section className="card space-y-3" aria-labelledby="calendar-title">
        <h2 id="calendar-title" className="h2">
          {t('settings.calendar')}
        </h2>
        <p className="text-sm muted">{t('settings.calendarHint')}</p>
        {feed && (
          <div>
            <label className="label" htmlFor={`${id}-feed`}>
              {t('settings.calendarAddress')}
            </label>
            <input
              id={`${id}-feed`}
              className="field font-mono"
              readOnly
              value={feed.url}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="calendar-feed"
            />
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          {!feed && (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  setFeed((await api.calendarFeed()).feed);
                  return '';
                })
              }
            >
              {t('settings.calendarShow')}
            </button>
          )}
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('settings.calendarRotateConfirm'))) return;
              void run(async () => {
                setFeed((await api.rotateCalendarFeed()).feed);
                return t('settings.calendarRotated');
              });
            }}
          >
            {t('settings.calendarRotate')}
          </button>
        </div>
      </section>

      {/* The same target date as the progress page's: set, cleared, and what it needs. */}
      {profile.data?.profile && (
        <TargetDate
          key={profile.data.profile.targetDate ?? ''}
          target={status.data?.target ?? null}
          current={profile.data.profile.targetDate}
          announce={setMessage}
        />
      )}

      <section aria-labelledby="profile-title">
        <h2 id="profile-title" className="h2">
          {t('settings.profile')}
        </h2>
        <p className="mb-3 text-sm muted">{t('settings.profileHint')}</p>
        {curriculum.error ? (
          <ErrorNote error={curriculum.error} onRetry={curriculum.reload} />
        ) : !curriculum.data || !profile.data ? (
          <Loading />
        ) : (
          <ProfileForm
            key={JSON.stringify(profile.data?.profile ?? null)}
            curriculum={curriculum.data}
            profile={profile.data?.profile}
            submitLabel={t('settings.saveProfile')}
            busy={busy}
            onSubmit={(input) =>
              void run(async () => {
                const before = (await api.plan()).plan?.finishDate;
                await api.saveProfile(input);
                await invalidate(...PROFILE_KEYS);
                const after = (await api.plan()).plan?.finishDate;
                return before && after && before !== after
                  ? t('settings.savedMoved', { date: date(after, 'long'), before: date(before, 'long') })
                  : t('settings.saved');
              })
            }
          />
        )}
      </section>
    </section>
  );
}
