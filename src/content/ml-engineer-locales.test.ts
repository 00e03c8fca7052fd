/**
 * The shipped ML-engineer curriculum is complete in both of its languages, its links are https,
 * every effort figure is either sourced or an estimate with its reasoning, and `curriculum check`
 * has nothing to warn about.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.js';
import type { Curriculum } from '../core/model.js';
import { tryLoadCurriculum } from './load.js';

const SHIPPED = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));
const LOCALES = ['en', 'zh-CN'] as const;
const CJK = /[\u3400-\u9fff]/;

function loadShipped(): { curriculum: Curriculum; warnings: string[] } {
  const result = tryLoadCurriculum(SHIPPED);
  if (!result.ok) {
    throw new Error(`the shipped curriculum does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  return { curriculum: result.curriculum, warnings: result.warnings.map(formatProblem) };
}

/**
 * A per-locale text: a plain object whose keys are all locale tags (at least one of ours) and whose values
 * are not lists (a vocabulary's per-locale phrase lists are search terms, not prose to translate).
 */
function isText(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    Object.values(value).every((v) => !Array.isArray(v)) &&
    keys.some((k) => (LOCALES as readonly string[]).includes(k)) &&
    keys.every((k) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(k))
  );
}

interface Found {
  readonly path: string;
  readonly text: Record<string, unknown>;
}

/** Every per-locale text anywhere in the normalized curriculum, with where it sits. */
function allTexts(value: unknown, path = ''): Found[] {
  if (isText(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => allTexts(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    const label = typeof id === 'string' ? `${path}(${id})` : path;
    // A resource's per-locale addresses (`localUrl`) are links, not prose to translate.
    return Object.entries(value)
      .filter(([k]) => k !== 'localUrl')
      .flatMap(([k, v]) => allTexts(v, label === '' ? k : `${label}.${k}`));
  }
  return [];
}

describe('the shipped ML-engineer curriculum in English and Chinese', () => {
  const { curriculum, warnings } = loadShipped();
  const texts = allTexts(curriculum);

  it('loads, and curriculum check has no warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('finds texts in every part of the curriculum it walks', () => {
    // Guards the walk itself: if it stopped seeing texts, every check below would pass vacuously.
    const parts = ['meta', 'skills', 'resources', 'stages', 'routes', 'startingPoints', 'roles', 'projects', 'domains'];
    for (const part of parts)
      expect(
        texts.some((t) => t.path.startsWith(part)),
        part,
      ).toBe(true);
    expect(texts.length).toBeGreaterThan(500);
  });

  it('has non-empty English and Chinese for every text', () => {
    const missing = texts.flatMap(({ path, text }) =>
      LOCALES.filter((l) => typeof text[l] !== 'string' || (text[l] as string).trim() === '').map(
        (l) => `${path} [${l}]`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('writes the Chinese in Chinese (names kept as published excepted) and the English without Chinese', () => {
    const wrong = texts.flatMap(({ path, text }) => {
      const en = String(text['en'] ?? '');
      const zh = String(text['zh-CN'] ?? '');
      const problems: string[] = [];
      if (CJK.test(en)) problems.push(`${path}: English text contains Chinese: ${en}`);
      if (!CJK.test(zh) && zh !== en)
        problems.push(`${path}: Chinese text has no Chinese and differs from the English: ${zh}`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('gives every resource, stage and route a summary, every route its reasons and every skill its outcomes', () => {
    const gaps = [
      ...curriculum.resources.filter((r) => r.summary === undefined).map((r) => `resource ${r.id}: summary`),
      ...curriculum.stages.filter((s) => s.summary === undefined).map((s) => `stage ${s.id}: summary`),
      ...curriculum.routes.filter((r) => r.summary === undefined).map((r) => `route ${r.id}: summary`),
      ...curriculum.routes.filter((r) => r.reasons.length === 0).map((r) => `route ${r.id}: reasons`),
      ...curriculum.skills.filter((s) => s.outcomes.length === 0).map((s) => `skill ${s.id}: outcomes`),
    ];
    expect(gaps).toEqual([]);
  });

  it('links every resource and unit to an https address', () => {
    const bad = curriculum.resources.flatMap((r) => [
      ...(r.url === undefined || !r.url.startsWith('https://') ? [`${r.id}: ${String(r.url)}`] : []),
      ...r.units
        .filter((u) => u.url !== undefined && !u.url.startsWith('https://'))
        .map((u) => `${r.id}.${u.id}: ${String(u.url)}`),
    ]);
    expect(bad).toEqual([]);
  });

  it('backs every effort figure with a source, or marks it an estimate with reasoning in both languages', () => {
    const bad = curriculum.resources.flatMap((r) => {
      const e = r.effort;
      const problems: string[] = [];
      if (!(e.hours > 0)) problems.push(`${r.id}: no hours`);
      if (!e.estimate && (e.source === undefined || e.source.trim() === ''))
        problems.push(`${r.id}: provider figure without a source`);
      if (e.estimate && (e.reasoning === undefined || LOCALES.some((l) => !e.reasoning?.[l])))
        problems.push(`${r.id}: estimate without reasoning in both languages`);
      if (e.source !== undefined && /^http/i.test(e.source) && !e.source.startsWith('https://'))
        problems.push(`${r.id}: source is not https: ${e.source}`);
      return problems;
    });
    expect(bad).toEqual([]);
  });

  it('gives every resource its own Chinese title, distinct from every other resource', () => {
    const missing = curriculum.resources.filter((r) => !CJK.test(r.localTitle?.['zh-CN'] ?? '')).map((r) => r.id);
    expect(missing).toEqual([]);
    const byTitle = new Map<string, string[]>();
    for (const r of curriculum.resources) {
      const zh = r.localTitle?.['zh-CN'] ?? '';
      byTitle.set(zh, [...(byTitle.get(zh) ?? []), r.id]);
    }
    expect([...byTitle.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it('keeps 推理 for inference: reasoning is marked as such wherever the word stands for it', () => {
    // "Reasoning" next to 推理 in the English means the Chinese must say which sense it is.
    const clash = texts.filter(({ text }) => {
      const en = String(text['en'] ?? '');
      const zh = String(text['zh-CN'] ?? '');
      return /reasoning/i.test(en) && /推理/.test(zh) && !/推理（reasoning）/.test(zh);
    });
    expect(clash.map((t) => t.path)).toEqual([]);
  });

  it('records where costs were checked: Coursera courses are paid since free audit ended', () => {
    const coursera = curriculum.resources.filter((r) => r.url?.includes('coursera.org'));
    expect(coursera.length).toBeGreaterThan(0);
    for (const r of coursera) {
      expect(r.cost, r.id).toBe('paid');
      expect(r.costCheck?.source, r.id).toMatch(/^https:\/\//);
    }
    for (const r of curriculum.resources.filter((x) => x.costCheck !== undefined))
      expect(r.costCheck?.checked ?? '', r.id).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it('gives every estimated effort its reasoning in both languages and the page it counts from', () => {
    const estimates = curriculum.resources.filter((r) => r.effort.estimate);
    expect(estimates.length).toBeGreaterThan(0);
    const bare = estimates
      .filter((r) => !r.effort.source?.startsWith('https://') || LOCALES.some((l) => !r.effort.reasoning?.[l]))
      .map((r) => r.id);
    expect(bare).toEqual([]);
  });

  it('records for every resource where its cost was checked, and what the source says in both languages', () => {
    const unchecked = curriculum.resources.filter((r) => !r.costCheck?.source.startsWith('https://')).map((r) => r.id);
    expect(unchecked).toEqual([]);
    const unexplained = curriculum.resources
      .filter((r) => r.costCheck?.note !== undefined && LOCALES.some((l) => !r.costCheck?.note?.[l]))
      .map((r) => r.id);
    expect(unexplained).toEqual([]);
    // A resource sold as a book is paid, whatever else its note says.
    const soldAsFree = curriculum.resources
      .filter((r) => r.cost !== 'paid' && /^Sold as a book/.test(r.costCheck?.note?.['en'] ?? ''))
      .map((r) => r.id);
    expect(soldAsFree).toEqual([]);
  });

  it('keeps units within their resource and gives each unit an English and Chinese title', () => {
    const bad = curriculum.resources.flatMap((r) => {
      const sum = r.units.reduce((n, u) => n + u.hours, 0);
      return r.units.length > 0 && sum > r.effort.hours * 1.01 ? [`${r.id}: units ${sum} h > ${r.effort.hours} h`] : [];
    });
    expect(bad).toEqual([]);
    const untitled = curriculum.resources.flatMap((r) =>
      r.units.filter((u) => LOCALES.some((l) => !u.title[l])).map((u) => `${r.id}.${u.id}`),
    );
    expect(untitled).toEqual([]);
  });
});

describe('the text walk itself', () => {
  it('reports a text that lacks Chinese', () => {
    const found = allTexts({ skills: [{ id: 'x', title: { en: 'Only English' } }] });
    expect(found).toEqual([{ path: 'skills[0](x).title', text: { en: 'Only English' } }]);
  });

  it('does not mistake an ordinary record for a text', () => {
    expect(allTexts({ effort: { hours: 3, weeks: 1 } })).toEqual([]);
  });
});
