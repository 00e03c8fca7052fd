/**
 * @module i18n/options
 * The i18next settings every face shares: the interface's locales, English as the fallback and
 * i18next's plural rules (`_one`/`_other` keys). Kept apart from the resources so the web app
 * bundles only its own namespace.
 */
import type { InitOptions, Resource } from 'i18next';
import { INTERFACE_LOCALES } from '../core/model.js';

/** The settings every instance shares; `resources` are the namespaces it needs. */
export function catalogueOptions(resources: Resource, lng: string = 'en', defaultNS?: string): InitOptions {
  return {
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...INTERFACE_LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    ...(defaultNS === undefined ? {} : { defaultNS, ns: [defaultNS] }),
  };
}
