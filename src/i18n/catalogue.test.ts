import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INTERFACE_LOCALES } from '../core/model.js';
import { translate, translateWithI18next } from './catalogue.js';
import { TEXT_RESOURCES } from './resources.js';
import type { KeyOf, TextNamespace } from './resources.js';
import { PUNCTUATION_RULES, SPACING_RULES, UNIT_RULES, prose } from './test-support/typography.js';

const ROOT = fileURLToPath(new URL('./locales/', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a (possibly nested) catalogue file as `a.b.c` -> value. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else out.set(prefix, value);
  return out;
}

type Catalogue = Map<string, Map<string, Map<string, unknown>>>;

/** locale -> namespace -> key -> text, read from the files themselves. */
function readCatalogue(): Catalogue {
  const out: Catalogue = new Map();
  for (const locale of readdirSync(ROOT)) {
    const namespaces = new Map<string, Map<string, unknown>>();
    for (const file of readdirSync(join(ROOT, locale)).filter((f) => f.endsWith('.json'))) {
      namespaces.set(file.replace(/\.json$/, ''), leaves(JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8'))));
    }
    out.set(locale, namespaces);
  }
  return out;
}

const catalogue = readCatalogue();
const english = catalogue.get('en') ?? new Map<string, Map<string, unknown>>();
const chinese = catalogue.get('zh-CN') ?? new Map<string, Map<string, unknown>>();

/** The web namespace fills `{{name}}` (react-i18next's default); every other `{name}`. */
const placeholders = (ns: string, text: string): string[] =>
  [...text.matchAll(ns === 'web' ? /\{\{(\w+)\}\}/g : /\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** The keys a locale must have: each plural base once per plural category of that language. */
function expectedKeys(locale: string, keys: Iterable<string>): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const out = new Set<string>();
  for (const key of keys) {
    const base = key.replace(PLURAL, '');
    if (base === key) out.add(key);
    else for (const category of categories) out.add(`${base}_${category}`);
  }
  return [...out].sort();
}

/** Each message of a namespace in both locales, plural forms compared with the nearest form. */
function* pairs(): Generator<{ ns: string; key: string; en: string; zh: string }> {
  for (const [ns, table] of english) {
    const zhTable = chinese.get(ns) ?? new Map<string, unknown>();
    for (const [key, en] of table) {
      const zh = zhTable.get(key) ?? zhTable.get(key.replace(PLURAL, '_other'));
      if (typeof en === 'string' && typeof zh === 'string') yield { ns, key, en, zh };
    }
  }
}

/** Every Chinese message, for the typography checks. */
function* chineseMessages(): Generator<{ where: string; text: string }> {
  for (const [ns, table] of chinese)
    for (const [key, text] of table) yield { where: `${ns}:${key}`, text: String(text) };
}

describe('the catalogue', () => {
  it('holds every interface locale, each with the same namespaces', () => {
    expect([...catalogue.keys()].sort()).toEqual([...INTERFACE_LOCALES].sort());
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThanOrEqual(9);
  });

  it('has every key in both locales: a key missing on either side fails', () => {
    for (const [ns, table] of english) {
      const zhTable = chinese.get(ns) ?? new Map<string, unknown>();
      const wanted = new Set([...table.keys(), ...zhTable.keys()]);
      expect([...table.keys()].sort(), `en ${ns}`).toEqual(expectedKeys('en', wanted));
      expect([...zhTable.keys()].sort(), `zh-CN ${ns}`).toEqual(expectedKeys('zh-CN', wanted));
    }
  });

  it('has no empty or non-string text', () => {
    for (const [locale, namespaces] of catalogue) {
      for (const [ns, table] of namespaces) {
        for (const [key, value] of table) {
          expect(typeof value, `${locale} ${ns}:${key}`).toBe('string');
          expect(String(value).trim(), `${locale} ${ns}:${key}`).not.toBe('');
        }
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const { ns, key, en, zh } of pairs()) {
      expect(placeholders(ns, zh), `${ns}:${key}`).toEqual(placeholders(ns, en));
    }
  });

  it('translates every message that is more than a name or a symbol', () => {
    for (const { ns, key, en, zh } of pairs()) {
      if (!/[a-z]{3}/i.test(prose(en))) continue;
      expect(zh, `${ns}:${key}`).not.toBe(en);
    }
  });

  it('gives English plurals their own forms: no "1 days", no "day(s)"', () => {
    for (const [ns, table] of english) {
      for (const [key, value] of table) {
        const text = String(value);
        const where = `${ns}:${key}`;
        expect(text, where).not.toMatch(/(?<!http)\(s\)/);
        // A count followed by a plural noun reads "1 days" unless the key has a singular form.
        if (!PLURAL.test(key)) {
          expect(text, where).not.toMatch(/\{\{?count\}?\} (?!h\b|min\b)[a-z]+s\b/);
        }
        if (key.endsWith('_one')) expect(text, where).not.toMatch(/\{\{?count\}?\} (?!h\b)[a-z]+s\b/);
      }
    }
    expect(translate('en', 'tracking', 'streak', { days: 1, count: 1 })).not.toMatch(/1 days/);
    expect(translate('en', 'curriculum', 'count.problem', { count: 1 })).toBe('1 problem');
    expect(translate('en', 'curriculum', 'count.problem', { count: 2 })).toBe('2 problems');
    expect(translate('zh-CN', 'curriculum', 'count.problem', { count: 1 })).toBe('1 个问题');
  });
});

describe('hints per face', () => {
  it('gives the web hints that name no command-line flag, command or environment variable', () => {
    const webHints = [english, chinese].flatMap((locale) =>
      [...(locale.get('errors') ?? new Map<string, unknown>())].filter(([key]) => key.endsWith('.web')),
    );
    expect(webHints.length).toBeGreaterThanOrEqual(8);
    for (const [key, text] of webHints) {
      expect(String(text), key).not.toMatch(/(^|\s)--\w|\bMLPATH_\w+|\bDATABASE_URL\b|`mlpath /);
    }
  });
});

describe('Chinese typography in the catalogue', () => {
  // The rules live in test-support/typography.ts, shared with the checks on the faces' rendered output.
  it('uses full-width colons and list commas in Chinese prose, never mixed', () => {
    for (const { where, text } of chineseMessages()) {
      for (const rule of PUNCTUATION_RULES) expect(prose(text), `${where} (${rule.name})`).not.toMatch(rule.pattern);
    }
  });

  it('puts no space between two Chinese characters', () => {
    for (const { where, text } of chineseMessages()) {
      for (const rule of SPACING_RULES) expect(prose(text), `${where} (${rule.name})`).not.toMatch(rule.pattern);
    }
  });

  it('writes × for times and 小时 for hours', () => {
    for (const { where, text } of chineseMessages()) {
      for (const rule of UNIT_RULES) expect(prose(text), `${where} (${rule.name})`).not.toMatch(rule.pattern);
    }
  });
});

describe('translate', () => {
  it('gives what i18next gives for every message of every text namespace, with and without values', () => {
    let checked = 0;
    for (const ns of Object.keys(TEXT_RESOURCES.en) as TextNamespace[]) {
      const keys = new Set<string>();
      const names = new Map<string, Set<string>>();
      for (const locale of ['en', 'zh-CN'] as const)
        for (const [key, text] of Object.entries(TEXT_RESOURCES[locale][ns] as Record<string, unknown>)) {
          const base = key.replace(PLURAL, '');
          keys.add(base);
          const found = names.get(base) ?? new Set<string>();
          for (const m of String(text).matchAll(/\{\s*([^{},\s]+)/g)) found.add(m[1] ?? '');
          names.set(base, found);
        }
      for (const key of keys)
        for (const locale of ['en', 'zh-CN', 'fr']) {
          const named = Object.fromEntries([...(names.get(key) ?? [])].map((n, i) => [n, i % 2 ? i * 1.5 : `<${n}>`]));
          for (const values of [{}, named, ...[0, 1, 2.5, 3].map((count) => ({ ...named, count }))]) {
            const k = key as KeyOf<typeof ns>;
            expect(translate(locale, ns, k, values), `${locale} ${ns}:${key}`).toBe(
              translateWithI18next(locale, ns, k, values),
            );
            checked++;
          }
        }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
