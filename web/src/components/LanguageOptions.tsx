/**
 * @module LanguageOptions
 * The options of every language menu (the header's, the settings', the profile form's): each
 * language named in itself and marked with its language, so a screen reader says it rightly.
 */
import { LANGUAGES } from '../i18n/index.js';

export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.name}
        </option>
      ))}
    </>
  );
}
