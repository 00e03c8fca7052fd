import { describe, expect, it } from 'vitest';
import { errorResponseOf } from '../server/errors.js';
import { faultFor } from '../store/faults.js';
import enWeb from './locales/en/web.json' with { type: 'json' };
import zhWeb from './locales/zh-CN/web.json' with { type: 'json' };
import { TEXT_RESOURCES } from './resources.js';

/**
 * Hints are per face: the web and the API never name a command, a flag or an environment variable
 * (they belong to the command line). A message of the `errors` namespace that names one has a
 * `KEY.web` wording for the web, is itself the command line's wording (`KEY.cli`), or never leaves
 * the terminal, each for the reason given below.
 */
const CLI_WORDS = /`mlpath\b|(?:^|[\s(（`])--?[a-z][\w-]*|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

const TERMINAL_ONLY: ReadonlyArray<readonly [RegExp, string]> = [
  [/^debugHint$/, "the terminal's own words for a crash"],
  [/^auth\.(secretShort|secretHint|listHint)$/, 'server start-up and the admin command'],
  [/^server\.|^hint\.otherPort$/, '`mlpath serve` listening on its port'],
  [/^import\.|^hint\.emptyFolder$/, 'curriculum import is a command of its own'],
  [/^hint\.file\./, 'the files `mlpath export -o`, `mlpath import` and `mlpath review --anki` write and read'],
  [/^backup\.(unusable|none)$|^hint\.(listBackups|otherBackup|restoreWritable)$/, '`mlpath restore` is a command'],
  [/^hint\.needsProfile\.plan$/, '`mlpath plan` alone can plan from flags without a saved profile'],
  [
    /^(store|fault)\.|^hint\.(ownDatabase|database|writable|ownFolder|ownFolderApp|makeWritable|restore|checkDisk|emptyFile|upgradeOnce)$/,
    "a storage fault: the API answers with its own words (api.storage, api.unavailable), never the store's",
  ],
];

const errors = (locale: 'en' | 'zh-CN'): Record<string, string> =>
  TEXT_RESOURCES[locale].errors as unknown as Record<string, string>;
const base = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('hints per face', () => {
  it('gives every message that names a command, flag or variable a web wording, or keeps it on the terminal', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const table = errors(locale);
      const offenders = Object.entries(table)
        .filter(([key, text]) => CLI_WORDS.test(text) && !key.endsWith('.cli') && !key.endsWith('.web'))
        .map(([key]) => base(key))
        .filter((key) => !(`${key}.web` in table))
        .filter((key) => !TERMINAL_ONLY.some(([pattern]) => pattern.test(key)));
      expect(offenders, locale).toEqual([]);
    }
  });

  it('names no command, flag or environment variable in a web wording', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const named = Object.entries(errors(locale)).filter(
        ([key, text]) => key.endsWith('.web') && CLI_WORDS.test(text),
      );
      expect(named, locale).toEqual([]);
    }
  });

  it("names none in the web app's own words", () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(texts);
    for (const table of [enWeb, zhWeb]) expect(texts(table).filter((t) => CLI_WORDS.test(t))).toEqual([]);
  });

  it("names none in the planner's words, which every face shows (the web and the API too)", () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const planner = TEXT_RESOURCES[locale].planner as unknown as Record<string, string>;
      expect(
        Object.entries(planner).filter(([, text]) => CLI_WORDS.test(text)),
        locale,
      ).toEqual([]);
    }
  });

  it('catches what it is meant to catch', () => {
    for (const text of ['see `mlpath job list`', 'add --merge to it', 'set MLPATH_HOME', 'check DATABASE_URL'])
      expect(CLI_WORDS.test(text), text).toBe(true);
    for (const text of ['choose “Merge with what is here”', 'a kebab-case id such as "my-chatbot"'])
      expect(CLI_WORDS.test(text), text).toBe(false);
  });

  it("answers a storage fault on the API with the server's words, not the store's hint", () => {
    for (const fault of [faultFor('read-only', 'data/mlpath.db'), faultFor('damaged', 'data/mlpath.db', 'page 3')]) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const { body } = errorResponseOf(fault, locale);
        expect(body.error.message).not.toMatch(CLI_WORDS);
        expect(body.error.message).not.toContain('mlpath.db');
        if (locale === 'zh-CN') expect(body.error.message).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
  });
});
