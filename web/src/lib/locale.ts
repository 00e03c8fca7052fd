/**
 * @module locale
 * The current language and helpers that pick curriculum text and format values in it.
 */
import { useTranslation } from 'react-i18next';
import { textIn, type Text } from '../../../src/core/model.js';
import { formatDate, formatHours, formatNumber } from './format.js';

export function useLocale() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language || 'en';
  return {
    t,
    locale,
    /** Curriculum text in the current language (English when a translation is missing). */
    tx: (text: Text | undefined) => textIn(text, locale),
    date: (day: string, style?: 'long' | 'medium' | 'short') => formatDate(day, locale, style),
    num: (value: number, digits?: number) => formatNumber(value, locale, digits),
    /** An amount of hours as a number (`formatHours`), for messages that carry their own unit. */
    hoursNum: (value: number) => formatHours(value, locale),
    /** An amount of hours with its unit. */
    hours: (value: number) => t('common.hours', { value: formatHours(value, locale) }),
  };
}
