/**
 * @module jobs/postings
 * A labelled job posting (the evidence behind role weights and the test set of the posting analysis) and
 * the pure arithmetic over a set of them: market weights per role and coverage of what postings ask.
 * The set itself lives in `data/postings/` (read by scripts and benchmarks, never by the core).
 */
import type { Curriculum, RoleWeight } from '../model.js';

export const POSTING_ROLES = [
  'ml-engineer',
  'mlops-engineer',
  'ai-engineer',
  'data-scientist',
  'research-scientist',
  'data-engineer',
] as const;
export type PostingRole = (typeof POSTING_ROLES)[number];

export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export interface LabelledPosting {
  readonly id: string;
  readonly url: string;
  /** The posting date as the page states it (YYYY-MM-DD), or null. */
  readonly posted: string | null;
  readonly role: PostingRole;
  readonly seniority: Seniority;
  readonly locale: string;
  /** Curriculum skill ids asked for as requirements or duties. */
  readonly required: readonly string[];
  /** Skill ids asked for as preferred / a plus / 加分项. */
  readonly niceToHave: readonly string[];
  /** Ids of terms the curriculum teaches nowhere (languages, frameworks, fields). */
  readonly notTaught: readonly string[];
  /** The benchmark text: a summary in our own words that keeps the posting's terms and its split. */
  readonly digest: string;
}

/** How much a nice-to-have counts against a requirement when weighing what postings ask. */
export const NICE_TO_HAVE_SHARE = 0.5;
/** The highest market weight (a skill every posting of the role requires). */
export const MAX_MARKET_WEIGHT = 5;
/** A skill enters a role's market weights only when at least this many of the role's postings ask for it. */
export const MIN_POSTINGS_PER_SKILL = 2;

/** How often a role's postings ask for each skill and term: required counts 1, nice-to-have 0.5. */
export function demandByRole(postings: readonly LabelledPosting[]): Map<string, Map<string, number>> {
  const byRole = new Map<string, Map<string, number>>();
  for (const p of postings) {
    const demand = byRole.get(p.role) ?? new Map<string, number>();
    const add = (id: string, amount: number): void => {
      demand.set(id, (demand.get(id) ?? 0) + amount);
    };
    for (const id of p.required) add(id, 1);
    for (const id of p.niceToHave) if (!p.required.includes(id)) add(id, NICE_TO_HAVE_SHARE);
    for (const id of p.notTaught) add(`term:${id}`, 1);
    byRole.set(p.role, demand);
  }
  return byRole;
}

/**
 * Market weights for one role: each skill asked by at least MIN_POSTINGS_PER_SKILL of the role's postings,
 * weighted MAX_MARKET_WEIGHT x (required share + half the nice-to-have share), rounded to one decimal
 * (at least 0.1). Sorted by weight, then id. Skills outside `knownSkills` are left out when it is given.
 */
export function marketWeights(
  postings: readonly LabelledPosting[],
  role: string,
  knownSkills?: ReadonlySet<string>,
): RoleWeight[] {
  const ofRole = postings.filter((p) => p.role === role);
  if (ofRole.length === 0) return [];
  const count = new Map<string, number>();
  const score = new Map<string, number>();
  for (const p of ofRole) {
    for (const id of new Set([...p.required, ...p.niceToHave])) {
      count.set(id, (count.get(id) ?? 0) + 1);
      score.set(id, (score.get(id) ?? 0) + (p.required.includes(id) ? 1 : NICE_TO_HAVE_SHARE));
    }
  }
  const out: RoleWeight[] = [];
  for (const [skill, n] of count) {
    if (n < MIN_POSTINGS_PER_SKILL) continue;
    if (knownSkills && !knownSkills.has(skill)) continue;
    const share = (score.get(skill) ?? 0) / ofRole.length;
    out.push({ skill, weight: Math.max(0.1, Math.round(MAX_MARKET_WEIGHT * share * 10) / 10) });
  }
  return out.sort((a, b) => b.weight - a.weight || a.skill.localeCompare(b.skill));
}

/** The skills some resource or unit of the curriculum teaches. */
export function taughtSkills(curriculum: Curriculum): Set<string> {
  const taught = new Set<string>();
  for (const r of curriculum.resources) {
    for (const s of r.teaches) taught.add(s);
    for (const u of r.units) for (const s of u.teaches) taught.add(s);
  }
  for (const s of curriculum.skills) if (s.hours !== undefined) taught.add(s.id);
  return taught;
}

export interface RoleCoverage {
  readonly role: string;
  readonly postings: number;
  /** Share (0..1) of everything the role's postings ask, weighted by frequency, that the curriculum teaches. */
  readonly covered: number;
  /** What is asked and not taught, most asked first: skill ids, or `term:<id>` for terms outside the curriculum. */
  readonly missing: ReadonlyArray<{ readonly id: string; readonly demand: number }>;
}

/** Coverage of a group of postings: of everything they ask, the share the curriculum teaches. */
export function coverageOf(
  postings: readonly LabelledPosting[],
  curriculum: Curriculum,
): { covered: number; missing: Array<{ id: string; demand: number }> } {
  const taught = taughtSkills(curriculum);
  const asked = new Map<string, number>();
  for (const demand of demandByRole(postings).values())
    for (const [id, amount] of demand) asked.set(id, (asked.get(id) ?? 0) + amount);
  let total = 0;
  let have = 0;
  const missing: Array<{ id: string; demand: number }> = [];
  for (const [id, amount] of asked) {
    total += amount;
    if (taught.has(id)) have += amount;
    else missing.push({ id, demand: amount });
  }
  missing.sort((a, b) => b.demand - a.demand || a.id.localeCompare(b.id));
  return { covered: total > 0 ? have / total : 0, missing };
}

/**
 * Coverage of postings by a curriculum, per role: of all that the role's postings ask (each required skill
 * or term 1, each nice-to-have 0.5), the share that a resource of the curriculum teaches.
 */
export function coverageByRole(postings: readonly LabelledPosting[], curriculum: Curriculum): RoleCoverage[] {
  return POSTING_ROLES.flatMap((role) => {
    const ofRole = postings.filter((p) => p.role === role);
    if (ofRole.length === 0) return [];
    return [{ role, postings: ofRole.length, ...coverageOf(ofRole, curriculum) }];
  });
}
