import { describe, expect, it } from 'vitest';
import { CURRICULUM_TABLES } from './curriculum-messages.js';
import { EDGE_TABLES } from './edge-messages.js';
import { HELP_TABLES } from './help-messages.js';
import { JOB_TABLES } from './job-messages.js';
import { MESSAGE_KEYS, msg } from './messages.js';
import { REVIEW_TABLES } from './review-messages.js';
import { TRACKING_TABLES } from './tracking-messages.js';

type Table = Readonly<Record<string, string>>;

const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** Every table of the CLI's words, English and Chinese. */
const TABLES: Record<string, { en: Table; zh: Table }> = {
  messages: {
    en: Object.fromEntries(MESSAGE_KEYS.map((k) => [k, msg('en', k)])),
    zh: Object.fromEntries(MESSAGE_KEYS.map((k) => [k, msg('zh-CN', k)])),
  },
  tracking: { en: TRACKING_TABLES.en, zh: TRACKING_TABLES['zh-CN'] },
  help: { en: HELP_TABLES.en, zh: HELP_TABLES['zh-CN'] },
  curriculum: { en: CURRICULUM_TABLES.en, zh: CURRICULUM_TABLES['zh-CN'] },
  edge: { en: EDGE_TABLES.en, zh: EDGE_TABLES['zh-CN'] },
  job: { en: JOB_TABLES.en, zh: JOB_TABLES['zh-CN'] },
  review: { en: REVIEW_TABLES.en, zh: REVIEW_TABLES['zh-CN'] },
};

describe('the CLI message tables', () => {
  for (const [name, { en, zh }] of Object.entries(TABLES)) {
    it(`${name}: the same keys in English and Chinese, none empty, with the same placeholders`, () => {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      expect(Object.keys(en).length).toBeGreaterThan(0);
      for (const key of Object.keys(en)) {
        const e = en[key] ?? '';
        const z = zh[key] ?? '';
        expect(e.trim(), `${name}.${key}`).not.toBe('');
        expect(z.trim(), `${name}.${key}`).not.toBe('');
        expect(names(z), `${name}.${key}`).toEqual(names(e));
      }
    });
  }
});
