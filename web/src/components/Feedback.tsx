/**
 * @module Feedback
 * Loading and error states, announced to screen readers, and the boundary that catches a page
 * which fails to load or to draw, with a way to try again.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted py-6">
      {t('common.loading')}
    </p>
  );
}

export function ErrorNote({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problems = error instanceof ApiError ? error.problems : [];
  // The server words its message in the language the app sends; the code gives the heading.
  const code = error instanceof ApiError ? error.code : undefined;
  const heading = code ? t(`errors.${code}`, { defaultValue: t('common.error') }) : t('common.error');
  // "Failed to fetch" says nothing useful: a network failure says what to do instead.
  const text = code === 'NETWORK' ? t('errors.NETWORK_HINT') : error.message;
  // Each problem's words name its place already (the server words them for the web, never by a raw
  // field name alone); one the message above already says is not said twice.
  const listed = problems.filter((problem) => !text.includes(problem.message));
  return (
    <div
      role="alert"
      className="my-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{heading}</p>
      <p>{text}</p>
      {listed.length > 0 && (
        <ul className="list-disc pl-5">
          {listed.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn mt-2" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * Catches what a page throws while loading (its code chunk) or drawing, and shows it with a
 * retry instead of a blank app. `onRetry` lets the parent load the page afresh.
 */
export class PageBoundary extends Component<
  { children: ReactNode; onRetry: () => void },
  { error: Error | undefined }
> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <BoundaryNote
        error={error}
        onRetry={() => {
          this.props.onRetry();
          this.setState({ error: undefined });
        }}
      />
    );
  }
}

function BoundaryNote({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  // A chunk that did not load is a network failure in all but name.
  const network = /dynamically imported module|Failed to fetch|Importing a module script failed|error loading/i.test(
    error.message,
  );
  return (
    <section aria-labelledby="boundary-title" className="space-y-2">
      <h1 id="boundary-title" className="h1">
        {t('boundary.title')}
      </h1>
      <p>{t('boundary.hint')}</p>
      <ErrorNote error={network ? new ApiError(0, 'NETWORK', error.message) : error} onRetry={onRetry} />
    </section>
  );
}
