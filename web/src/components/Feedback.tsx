/**
 * @module Feedback
 * Loading and error states, announced to screen readers.
 */
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
  // The server's message is English; the code gives a heading in the reader's language.
  const code = error instanceof ApiError ? error.code : undefined;
  const heading = code ? t(`errors.${code}`, { defaultValue: t('common.error') }) : t('common.error');
  return (
    <div
      role="alert"
      className="my-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{heading}</p>
      <p>{error.message}</p>
      {problems.length > 0 && (
        <ul className="list-disc pl-5">
          {problems.map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>
              <code>{problem.path}</code>: {problem.message}
            </li>
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
