/**
 * @module jobs/matcher
 * Finds phrases in a posting's text views. Latin phrases match whole words (a trailing plural "s" is
 * allowed); a space in a phrase matches any run of white space, or none next to a Chinese character;
 * Chinese phrases match anywhere. Where matches overlap, the longest wins, so "vector database" hides the
 * "database" inside it; a phrase with no targets (see NOT_SKILLS) hides what it contains and names nothing.
 */
import type { TextViews } from './text.js';

/** What a phrase names: a curriculum skill, a role, or a common term outside the curriculum. */
export type Target =
  | { readonly kind: 'skill'; readonly id: string }
  | { readonly kind: 'role'; readonly id: string }
  | { readonly kind: 'term'; readonly id: string };

export interface PhraseEntry {
  readonly phrase: string;
  readonly targets: readonly Target[];
  /** Match with case as written, against the plain view. */
  readonly exact: boolean;
  /** The match counts only when one of these (folded) words is within NEAR_WINDOW characters. */
  readonly near: readonly string[];
}

export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: PhraseEntry;
}

export const NEAR_WINDOW = 40;

const ALNUM = /[a-z0-9]/i;
const HAN = /[\u4e00-\u9fff\u3400-\u4dbf]/;

interface Compiled {
  readonly entry: PhraseEntry;
  readonly pattern: RegExp;
}

export interface Matcher {
  readonly compiled: readonly Compiled[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function patternOf(phrase: string, exact: boolean): RegExp {
  const p = exact ? phrase.trim() : phrase.trim().toLowerCase();
  const chars = [...p];
  let body = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (/\s/.test(c)) {
      if (/\s/.test(chars[i - 1] ?? '')) continue;
      const prev = chars[i - 1] ?? '';
      const next = chars.slice(i).find((x) => !/\s/.test(x)) ?? '';
      body += HAN.test(prev) || HAN.test(next) ? '\\s*' : '\\s+';
    } else {
      body += escape(c);
    }
  }
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  const before = ALNUM.test(first) ? '(?<![a-zA-Z0-9])' : '';
  const plural = /[a-zA-Z]/.test(last) && chars.length > 2 ? '(?:s|es)?' : '';
  const after = ALNUM.test(last) ? '(?![a-zA-Z0-9+#])' : last === '+' ? '(?![a-zA-Z0-9+])' : '';
  return new RegExp(`${before}${body}${plural}${after}`, 'g');
}

/** Compile phrase entries once; reuse the matcher for every posting. */
export function compileMatcher(entries: readonly PhraseEntry[]): Matcher {
  return { compiled: entries.map((entry) => ({ entry, pattern: patternOf(entry.phrase, entry.exact) })) };
}

/** Every phrase found in the text, overlaps resolved longest first (then leftmost), in text order. */
export function findPhrases(matcher: Matcher, views: TextViews): PhraseMatch[] {
  const all: PhraseMatch[] = [];
  for (const { entry, pattern } of matcher.compiled) {
    const view = entry.exact ? views.plain : views.folded;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(view); m !== null; m = pattern.exec(view)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (entry.near.length > 0) {
        const around = views.folded.slice(Math.max(0, start - NEAR_WINDOW), end + NEAR_WINDOW);
        if (!entry.near.some((w) => around.includes(w))) continue;
      }
      all.push({ start, end, entry });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: PhraseMatch[] = [];
  const used = new Uint8Array(views.folded.length);
  for (const m of all) {
    let free = true;
    for (let k = m.start; k < m.end; k++) {
      if (used[k]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    used.fill(1, m.start, m.end);
    taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}
