/**
 * @module review-messages
 * What `mlpath review` and the placement check of `mlpath init` say, in English and Simplified Chinese: one table per locale with the same
 * keys (a missing translation is a type error) and `{name}` placeholders, the same shape as the
 * CLI's other message tables.
 */
import type { Locale } from '../core/model.js';
import type { ReviewRating } from '../core/review.js';
import { translate } from '../i18n/catalogue.js';
import type { KeyOf } from '../i18n/resources.js';

export type ReviewKey = KeyOf<'review'>;

/** One message in a locale, `{name}` placeholders filled from `values`. */
export function rmsg(locale: Locale, key: ReviewKey, values: Readonly<Record<string, string | number>> = {}): string {
  return translate(locale, 'review', key, values);
}

/** A rating's word in a locale. */
export function ratingWord(locale: Locale, rating: ReviewRating): string {
  return rmsg(locale, `rating.${rating}`);
}

/** How long from `from` until `to`, in words: minutes under an hour, hours under a day, else days. */
export function untilWords(locale: Locale, from: Date, to: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return rmsg(locale, 'inMinutes', { count: minutes });
  if (minutes < 24 * 60) return rmsg(locale, 'inHours', { count: Math.round(minutes / 60) });
  return rmsg(locale, 'inDays', { count: Math.round(minutes / (24 * 60)) });
}
