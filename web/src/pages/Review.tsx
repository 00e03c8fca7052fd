/**
 * @module Review
 * Spaced review, one card at a time: the question of a done skill, Space (or the button) shows
 * the model answer, keys 1-4 (or the buttons) rate the recall again, hard, good or easy. The
 * session goes through the cards due when it began; at its end the queue is read again, so a
 * card rated "again" comes back once it is due. Ratings made while the server is away are kept
 * on this device and sent later (lib/outbox), so a session can go on offline. The schedule is the
 * server's (GET /api/review, POST /api/review/ratings, one call each into the learner layer).
 */
import { useEffect, useRef, useState } from 'react';
import { REVIEW_RATINGS, type ReviewRating } from '../../../src/core/review-model.js';
import { ErrorNote, Loading } from '../components/Feedback.js';
import { InlineCode } from '../components/InlineCode.js';
import { asError } from '../lib/action.js';
import type { ReviewItemJson, ReviewQueueResponse } from '../lib/api.js';
import { useCurriculum, useReview } from '../lib/data.js';
import { formatPercent } from '../lib/format.js';
import { useLocale } from '../lib/locale.js';
import { record } from '../lib/outbox.js';
import { invalidate, PROGRESS_KEYS } from '../lib/resource.js';
import { href } from '../lib/router.js';

/** "in 10 minutes", "in 3 days", in the reader's language. */
function relative(to: string, locale: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(to) - Date.now()) / 60_000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (minutes < 60) return format.format(minutes, 'minute');
  if (minutes < 24 * 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / (24 * 60)), 'day');
}

/** A key press that belongs to a form field, not to the review. */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

const RATING_STYLE: Record<ReviewRating, string> = {
  again: 'border-red-700 text-red-800 dark:border-red-300 dark:text-red-200',
  hard: 'border-amber-700 text-amber-900 dark:border-amber-300 dark:text-amber-100',
  good: 'border-green-700 text-green-800 dark:border-green-300 dark:text-green-200',
  easy: 'border-blue-700 text-blue-800 dark:border-blue-300 dark:text-blue-200',
};

export default function Review() {
  const { t, tx, locale } = useLocale();
  const review = useReview();
  const curriculum = useCurriculum();
  // The session: the cards due when it began (or was read again), the one shown, whether its answer is shown.
  const [session, setSession] = useState<{ from: ReviewQueueResponse; cards: readonly ReviewItemJson[] }>();
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [reviewed, setReviewed] = useState(0);
  const [said, setSaid] = useState<{ rating: ReviewRating; kept: boolean } | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const cardHeading = useRef<HTMLHeadingElement>(null);

  // A visit starts from a fresh queue, not one kept from an earlier visit.
  // (Offline, the kept one is used once reading it again has failed.)
  const kept = useRef(review.data);
  useEffect(() => {
    if (kept.current) void invalidate('review');
  }, []);
  // A session starts from the queue as read; a queue read again (after the last card) starts the next.
  useEffect(() => {
    if (review.data === kept.current && !review.error) return;
    kept.current = undefined;
    // A queue read again mid-session (a kept rating sent) waits until the session's cards are done.
    const running = session !== undefined && index < session.cards.length;
    if (review.data && review.data !== session?.from && !running) {
      // A queue read again after the session's last card: what was said of that card is past.
      if (session) setSaid(undefined);
      setSession({ from: review.data, cards: review.data.due });
      setIndex(0);
      setRevealed(false);
    }
  }, [review.data, review.error, session, index]);

  const current = session?.cards[index];
  const total = session?.cards.length ?? 0;

  const reveal = () => {
    if (!current || revealed) return;
    setRevealed(true);
  };

  const rate = async (rating: ReviewRating) => {
    if (!current || !revealed || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const { how } = await record({ type: 'reviewed', card: current.card.key, rating });
      setReviewed((n) => n + 1);
      setSaid({ rating, kept: how === 'kept' });
      setRevealed(false);
      if (index + 1 < total) setIndex(index + 1);
      else {
        setIndex(total);
        // The end of what was due: read the queue again (a card rated "again" may be due by now).
        if (how === 'sent') await invalidate(...PROGRESS_KEYS);
      }
    } catch (caught) {
      setError(asError(caught));
    } finally {
      setBusy(false);
    }
  };

  // Space reveals, 1-4 rate; a focused button keeps its own Space and Enter.
  const keys = useRef({ reveal, rate });
  keys.current = { reveal, rate };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const onButton = event.target instanceof HTMLElement && /^(BUTTON|A)$/.test(event.target.tagName);
      if (event.key === ' ' && !onButton) {
        event.preventDefault();
        keys.current.reveal();
        return;
      }
      const n = Number(event.key);
      const rating = Number.isInteger(n) ? REVIEW_RATINGS[n - 1] : undefined;
      if (rating) {
        event.preventDefault();
        void keys.current.rate(rating);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The next card's heading takes focus, so a screen reader reads the new question.
  useEffect(() => {
    if (index > 0) cardHeading.current?.focus();
  }, [index]);

  if (!session) {
    return review.error ? <ErrorNote error={review.error} onRetry={review.reload} /> : <Loading />;
  }
  const queue = session.from;
  const left = Math.max(0, total - index);
  const refresh = queue.skills.filter((s) => s.needsRefresh);
  const skillTitle = (id: string) => tx(curriculum.data?.skills.find((s) => s.id === id)?.title) || id;

  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <div>
        <h1 id="review-title" className="h1">
          {t('review.title')}
        </h1>
        <p className="muted">{t('review.intro')}</p>
      </div>
      <p role="status" aria-live="polite" className="min-h-6 text-sm">
        {said &&
          `${t('review.rated', { rating: t(`review.rating.${said.rating}`) })}${said.kept ? ` ${t('offline.kept')}` : ''}`}
      </p>
      {error && <ErrorNote error={error} />}

      {current ? (
        <article className="card space-y-4" aria-labelledby="card-heading" data-testid="review-card">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <span className="font-semibold" data-testid="due-count">
              {t('review.due', { count: left })}
            </span>
            <span className="muted">{t('review.cardOf', { n: index + 1, total })}</span>
          </div>
          <div>
            <p className="text-sm muted">{tx(current.skillTitle)}</p>
            <h2 id="card-heading" ref={cardHeading} tabIndex={-1} className="h2 outline-none">
              {t('review.question')}
            </h2>
            <p className="text-lg whitespace-pre-line" data-testid="review-question">
              <InlineCode text={tx(current.question)} />
            </p>
          </div>
          {!revealed ? (
            <div className="space-y-2">
              <p className="text-sm muted">{t('review.think')}</p>
              <button type="button" className="btn btn-primary" onClick={reveal}>
                {t('review.show')} <kbd className="ml-1 rounded border px-1 text-xs">{t('review.spaceKey')}</kbd>
              </button>
            </div>
          ) : (
            <div className="space-y-3">
              <div className="rounded-md border-l-4 border-blue-700 bg-slate-50 p-3 dark:border-blue-300 dark:bg-slate-800">
                <h3 className="text-sm font-semibold">{t('review.answer')}</h3>
                <p className="whitespace-pre-line" data-testid="review-answer">
                  <InlineCode text={tx(current.answer)} />
                </p>
              </div>
              <fieldset>
                <legend className="mb-2 font-semibold">{t('review.rateQuestion')}</legend>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {REVIEW_RATINGS.map((rating, i) => (
                    <button
                      key={rating}
                      type="button"
                      disabled={busy}
                      className={`btn flex flex-col items-start border-2 text-left ${RATING_STYLE[rating]}`}
                      aria-keyshortcuts={String(i + 1)}
                      onClick={() => void rate(rating)}
                    >
                      <span className="font-semibold">
                        <kbd className="mr-1 rounded border px-1 text-xs">{i + 1}</kbd>
                        {t(`review.rating.${rating}`)}
                      </span>
                      <span className="text-xs muted">{t(`review.ratingHint.${rating}`)}</span>
                    </button>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
          <p className="text-xs muted">{t('review.keys')}</p>
        </article>
      ) : (
        <div className="card space-y-2" data-testid="review-empty">
          {reviewed > 0 && (
            <p className="text-lg font-semibold" data-testid="review-finished">
              {t('review.finished', { count: reviewed })}
            </p>
          )}
          {queue.cards === 0 ? (
            <>
              <h2 className="h2">{t('review.noCards')}</h2>
              <p>{t('review.noCardsHint')}</p>
              <a href={href('today')}>{t('review.toWeek')}</a>
            </>
          ) : (
            <>
              <h2 className="h2">{t('review.nothingDue')}</h2>
              {queue.next && <p>{t('review.nextDue', { when: relative(queue.next, locale) })}</p>}
              {reviewed > 0 && (
                <button type="button" className="btn" onClick={() => void invalidate('review')}>
                  {t('review.again')}
                </button>
              )}
            </>
          )}
        </div>
      )}

      {refresh.length > 0 && (
        <section className="card warning" aria-labelledby="refresh-title" data-testid="needs-refresh">
          <h2 id="refresh-title" className="h2">
            {t('review.refreshTitle')}
          </h2>
          <p className="mb-2 text-sm">{t('review.refreshHint')}</p>
          <ul className="list-disc pl-5">
            {refresh.map((s) => (
              <li key={s.skill}>
                <a href={href('roadmap', { skill: s.skill })}>{skillTitle(s.skill)}</a>
                {s.retrievability !== null && (
                  <span className="muted">
                    {' '}
                    · {t('review.recall', { percent: formatPercent(s.retrievability, locale) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
