/**
 * @module jobs/analyze
 * Reads a job posting against a curriculum: the skills it asks for with the exact spans that named them,
 * which of those are required and which nice-to-have, the role with a confidence and the phrases that
 * decided it, the seniority, the learner's readiness for this posting and the gaps, most asked first.
 *
 * Pure and deterministic: no I/O, no clock, no model. Everything it finds comes from phrase lists (the
 * curriculum's vocabulary and the shared lists in ./terms.ts) and is explained by the spans it returns.
 * Offsets are UTF-16 code units into the text as given (plain, Markdown or HTML).
 */
import { MlpathError } from '../errors.js';
import { readinessWeights, textIn } from '../model.js';
import type { Curriculum, Locale, Role } from '../model.js';
import type { ProgressState } from '../plan-model.js';
import { doneSkills } from '../planner/readiness.js';
import { compileMatcher, findPhrases } from './matcher.js';
import type { Matcher, PhraseEntry, PhraseMatch, Target } from './matcher.js';
import type { Seniority } from './postings.js';
import { taughtSkills } from './postings.js';
import { COMMON_TERMS, NICE_TO_HAVE_CUES, NOT_SKILLS, OPTIONAL_CUES, REQUIRED_CUES, SENIORITY_WORDS } from './terms.js';
import { detectLanguage, postingProblem, textViews } from './text.js';
import type { PostingLanguage, PostingProblem, TextViews } from './text.js';

export interface Span {
  /** UTF-16 offset of the first code unit. */
  readonly start: number;
  /** UTF-16 offset just past the last code unit. */
  readonly end: number;
  /** The input's text between start and end, as written. */
  readonly text: string;
}

export interface FoundSkill {
  /** A curriculum skill id, or the id of a common term (see `taught`). */
  readonly id: string;
  readonly title: string;
  /** True when a resource of the curriculum teaches it; false for skills without one and for outside terms. */
  readonly taught: boolean;
  /** A term from the shared list that the curriculum does not name: "not taught here". */
  readonly outside: boolean;
  /** Asked as a requirement or duty somewhere (else only as nice-to-have). */
  readonly required: boolean;
  readonly spans: readonly Span[];
  /**
   * Ids of the skills the posting offers in its place ("PyTorch or TensorFlow", 熟悉 PyTorch 或
   * TensorFlow): any one of them answers the ask. Absent when the skill is asked on its own anywhere.
   */
  readonly alternatives?: readonly string[];
}

export interface Gap {
  readonly id: string;
  readonly title: string;
  /** How much the posting asks for it: 2 when required, 1 when nice-to-have. */
  readonly weight: number;
  /** Skills the posting accepts instead ("A or B"): learning any one of them closes the gap. */
  readonly alternatives?: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

export interface PostingAnalysis {
  readonly language: PostingLanguage;
  readonly role: { readonly id: string; readonly confidence: number; readonly evidence: readonly string[] };
  readonly seniority: Seniority;
  readonly skills: readonly FoundSkill[];
  /** Share (0..1) of what the posting asks, by gap weight, that the learner has done or knows. */
  readonly readiness: number;
  /** What the posting asks that the learner has not done, most asked first. */
  readonly gaps: readonly Gap[];
}

export interface AnalyzeOptions {
  /** Locale for skill and role titles (default: the curriculum's first). */
  readonly locale?: Locale;
  readonly progress?: ProgressState;
  /** Skill ids the learner already knows. */
  readonly known?: readonly string[];
}

/** Weight of a title phrase for a role against a phrase in the body, and of the skill profile. */
const TITLE_PHRASE_WEIGHT = 5;
const BODY_PHRASE_WEIGHT = 1;
/** The most a single distinct phrase adds, however often it repeats. */
const PHRASE_CAP = 2;
const PROFILE_WEIGHT = 6;

const matchers = new WeakMap<Curriculum, Matcher>();

/** The phrase matcher for a curriculum: its vocabulary, the common terms it does not claim, NOT_SKILLS. */
export function matcherFor(curriculum: Curriculum): Matcher {
  const cached = matchers.get(curriculum);
  if (cached) return cached;
  const byPhrase = new Map<string, { phrase: string; targets: Target[] }>();
  const add = (phrase: string, target: Target | undefined): void => {
    const key = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
    if (key.length === 0) return;
    const entry = byPhrase.get(key) ?? { phrase: phrase.trim(), targets: [] };
    if (target && !entry.targets.some((t) => t.kind === target.kind && t.id === target.id)) entry.targets.push(target);
    byPhrase.set(key, entry);
  };
  const vocabulary = curriculum.vocabulary;
  for (const [id, phrases] of Object.entries(vocabulary?.skills ?? {}))
    for (const words of Object.values(phrases)) for (const w of words) add(w, { kind: 'skill', id });
  for (const [id, phrases] of Object.entries(vocabulary?.roles ?? {}))
    for (const words of Object.values(phrases)) for (const w of words) add(w, { kind: 'role', id });
  // A common term counts only where the curriculum's vocabulary does not already name the phrase.
  const claimed = new Set(
    [...byPhrase.entries()].filter(([, e]) => e.targets.some((t) => t.kind === 'skill')).map(([k]) => k),
  );
  for (const term of COMMON_TERMS)
    for (const w of term.phrases) if (!claimed.has(w.toLowerCase())) add(w, { kind: 'term', id: term.id });
  for (const w of NOT_SKILLS) if (!byPhrase.has(w.toLowerCase())) add(w, undefined);
  const entries: PhraseEntry[] = [...byPhrase.values()].map((e) => ({
    phrase: e.phrase,
    targets: e.targets,
    exact: false,
    near: [],
  }));
  for (const term of COMMON_TERMS)
    for (const w of term.exactPhrases ?? [])
      entries.push({ phrase: w, targets: [{ kind: 'term', id: term.id }], exact: true, near: term.near ?? [] });
  const matcher = compileMatcher(entries);
  matchers.set(curriculum, matcher);
  return matcher;
}

/**
 * Analyse one posting. Throws MlpathError INVALID_INPUT (with `problems[0].message` naming the kind) when
 * the text is empty, binary, too long or in a language other than English or Chinese; see
 * `postingProblem` to check first.
 */
export function analyzePosting(text: string, curriculum: Curriculum, options: AnalyzeOptions = {}): PostingAnalysis {
  const problem = postingProblem(text);
  if (problem) throw postingError(problem);
  const locale = options.locale ?? curriculum.meta.locales[0] ?? 'en';
  const views = textViews(text);
  const language = detectLanguage(views.plain) ?? 'en';
  const matches = findPhrases(matcherFor(curriculum), views);
  const nice = niceToHaveRanges(views);
  const studies = fieldOfStudyRanges(views.folded);
  const titleEnd = titleLineEnd(views.folded);

  const skillsById = new Map(curriculum.skills.map((s) => [s.id, s]));
  const taught = taughtSkills(curriculum);
  const found = new Map<string, { target: Target; required: boolean; spans: Span[]; first: number }>();
  const roleHits: PhraseMatch[] = [];
  for (const m of matches) {
    for (const target of m.entry.targets) {
      if (target.kind === 'role') {
        roleHits.push(m);
        continue;
      }
      if (target.kind === 'skill' && !skillsById.has(target.id)) continue;
      // "A degree in statistics" names a field of study, not a skill asked for.
      if (target.kind === 'skill' && inRanges(studies, m.start)) continue;
      const key = `${target.kind}:${target.id}`;
      const entry = found.get(key) ?? { target, required: false, spans: [], first: m.start };
      entry.spans.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
      if (!inRanges(nice, m.start)) entry.required = true;
      found.set(key, entry);
    }
  }

  const alternativesOf = alternativeGroups(
    matches.flatMap((m) =>
      m.entry.targets
        .filter((t) => t.kind !== 'role' && found.has(`${t.kind}:${t.id}`))
        .slice(0, 1)
        .map((t) => ({ key: `${t.kind}:${t.id}`, start: m.start, end: m.end })),
    ),
    views.folded,
  );
  const skills: FoundSkill[] = [...found.entries()]
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([key, { target, required, spans }]) => {
      const skill = target.kind === 'skill' ? skillsById.get(target.id) : undefined;
      const term = target.kind === 'term' ? COMMON_TERMS.find((t) => t.id === target.id) : undefined;
      const others = alternativesOf.get(key);
      return {
        id: target.id,
        title: skill ? textIn(skill.title, locale) : (term?.label ?? target.id),
        taught: skill !== undefined && taught.has(skill.id),
        outside: target.kind === 'term',
        required,
        spans,
        ...(others ? { alternatives: others.map((k) => found.get(k)?.target.id ?? k) } : {}),
      };
    });

  const role = decideRole(curriculum, roleHits, skills, text, titleEnd);
  const seniority = decideSeniority(views.folded, titleEnd);

  const done = doneSkills(curriculum, options.progress, options.known ?? []);
  const roleRecord = curriculum.roles.find((r) => r.id === role.id);
  const roleWeight = new Map((roleRecord ? readinessWeights(roleRecord) : []).map((w) => [w.skill, w.weight]));
  let asked = 0;
  let have = 0;
  const gaps: Array<Gap & { order: number; roleWeight: number }> = [];
  const byId = new Map(skills.map((s) => [s.id, s]));
  const counted = new Set<string>();
  skills.forEach((s, order) => {
    if (counted.has(s.id)) return;
    // "A or B" is one ask, answered by any of them; its gap is the first one the curriculum teaches.
    const group = [s, ...(s.alternatives ?? []).flatMap((id) => byId.get(id) ?? [])];
    for (const g of group) counted.add(g.id);
    const weight = group.some((g) => g.required) ? 2 : 1;
    asked += weight;
    if (group.some((g) => !g.outside && done.has(g.id))) {
      have += weight;
      return;
    }
    const lead = group.find((g) => g.taught) ?? s;
    const others = group.filter((g) => g !== lead).map((g) => ({ id: g.id, title: g.title }));
    gaps.push({
      id: lead.id,
      title: lead.title,
      weight,
      ...(others.length > 0 ? { alternatives: others } : {}),
      order,
      roleWeight: roleWeight.get(lead.id) ?? 0,
    });
  });
  gaps.sort((a, b) => b.weight - a.weight || b.roleWeight - a.roleWeight || a.order - b.order);

  return {
    language,
    role,
    seniority,
    skills,
    readiness: asked > 0 ? Math.round((1000 * have) / asked) / 1000 : 0,
    gaps: gaps.map(({ order: _order, roleWeight: _roleWeight, ...gap }) => gap),
  };
}

/** The error for a text that cannot be read; `problems[0].message` is the problem's kind. */
export function postingError(problem: PostingProblem): MlpathError {
  return new MlpathError({
    code: 'INVALID_INPUT',
    key: `posting.${problem.kind}`,
    params: { length: problem.length ?? 0, limit: problem.limit ?? 0 },
    problems: [{ message: problem.kind }],
    hintKey: 'hint.posting',
  });
}

const DEGREE_EN =
  /(?<![a-z])(?:ph\.?d|doctorate|master'?s|bachelor'?s|bsc|msc|b\.s\.|m\.s\.|(?<!\d\s?)(?:bs|ms|ba)(?=\s*(?:\/|in\s|degree))|degree|degrees|diploma|majors?|majoring)(?![a-z])[^.;\n]{0,120}/g;
const DEGREE_ZH = /[^。；;，,\n]{0,30}专业/g;

/** Where a posting lists fields of study ("PhD in statistics or CS", 计算机、数学或统计相关专业). */
export function fieldOfStudyRanges(folded: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const re of [DEGREE_EN, DEGREE_ZH]) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      // Stop at the first word that turns from the degree to the work ("with", "and experience").
      const cut = /\b(?:with|and experience|plus|or equivalent)\b|；|;/.exec(m[0]);
      ranges.push([m.index, m.index + (cut ? cut.index : m[0].length)]);
    }
  }
  return ranges;
}

function inRanges(ranges: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  return ranges.some(([s, e]) => at >= s && at < e);
}

function titleLineEnd(folded: string): number {
  const start = folded.search(/\S/);
  if (start === -1) return 0;
  const nl = folded.indexOf('\n', start);
  return nl === -1 ? folded.length : nl;
}

const cueRegex = (cues: readonly string[]): RegExp =>
  new RegExp(
    cues
      .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .map((c) => (/^[a-z]/.test(c) ? `(?<![a-z])${c}(?![a-z])` : c))
      .join('|'),
  );
/** What joins two skills offered in each other's place: "or", "and/or", a slash, 或, 或者. */
const OR_JOIN = /^\s*,?\s*(?:or|and\/or|\/|或者|或是|或)\s*$/;
/** What joins items of one list: a comma or the enumeration comma 、. */
const LIST_JOIN = /^\s*[,，、]\s*$/;

/**
 * The skills a posting offers in each other's place: runs of matches joined by commas and at least one
 * "or" ("Python, Java or Go", PyTorch/TensorFlow, 熟悉 PyTorch 或 TensorFlow). A list goes on after its
 * "or" only to the next break. A skill also asked on its own anywhere belongs to no group. Returns,
 * for each key in a group, the other keys of its group (groups sharing a key are merged).
 */
export function alternativeGroups(
  matches: ReadonlyArray<{ key: string; start: number; end: number }>,
  text: string,
): Map<string, string[]> {
  const runs: string[][] = [];
  const grouped = new Set<number>();
  let run: number[] = [];
  let sawOr = false;
  const close = () => {
    if (sawOr && new Set(run.map((i) => matches[i]?.key)).size > 1) {
      runs.push(run.map((i) => matches[i]?.key ?? ''));
      for (const i of run) grouped.add(i);
    }
    run = [];
    sawOr = false;
  };
  matches.forEach((m, i) => {
    const previous = matches[i - 1];
    if (previous) {
      const between = text.slice(previous.end, m.start);
      if (OR_JOIN.test(between)) sawOr = true;
      else if (!LIST_JOIN.test(between) || sawOr) close();
    }
    run.push(i);
  });
  close();
  const alone = new Set(matches.filter((_, i) => !grouped.has(i)).map((m) => m.key));
  // Merge groups that share a key (union-find over the keys).
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(k, root);
    return root;
  };
  for (const keys of runs) {
    const members = keys.filter((k) => !alone.has(k));
    for (const k of members) if (!parent.has(k)) parent.set(k, k);
    for (const k of members.slice(1)) parent.set(find(k), find(members[0] ?? k));
  }
  const members = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const root = find(k);
    members.set(root, [...(members.get(root) ?? []), k]);
  }
  const result = new Map<string, string[]>();
  for (const keys of members.values()) {
    if (keys.length < 2) continue;
    for (const k of keys)
      result.set(
        k,
        keys.filter((o) => o !== k),
      );
  }
  return result;
}

const NICE = cueRegex(NICE_TO_HAVE_CUES);
const OPTIONAL = cueRegex(OPTIONAL_CUES);
const CJK_NICE = cueRegex(NICE_TO_HAVE_CUES.filter((c) => /[\u4e00-\u9fff]/.test(c)));
const NICE_LATIN = cueRegex(NICE_TO_HAVE_CUES.filter((c) => !/[\u4e00-\u9fff]/.test(c)));
const REQUIRED = cueRegex(REQUIRED_CUES);
const BULLET = /^[\s#>*\-•·+\d.)、（(）]*/;
const LABEL = /(^|[.;。；!?！？]\s*)([^:：\n.;。；]{1,40}?)[:：]/g;

/**
 * The ranges of the text that are nice-to-have: sections under a nice-to-have heading or label (until the
 * next heading or label), sentences that carry a nice-to-have cue ("is a plus", 优先), and list items
 * marked optional.
 */
export function niceToHaveRanges(views: TextViews): Array<[number, number]> {
  const text = views.folded;
  const ranges: Array<[number, number]> = [];
  // 1. Sections, from headings (short lines) and labels ("Preferred:", 加分项：).
  const switches: Array<{ at: number; nice: boolean }> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const lead = BULLET.exec(line)?.[0].length ?? 0;
    const body = line.slice(lead).trim();
    const words = body.split(/\s+/).filter(Boolean).length;
    const han = (body.match(/[\u4e00-\u9fff]/g) ?? []).length;
    // A list item ("2. 有 Kubernetes 经验者优先", "- Kubernetes is a plus") is never a heading: its cue is its own.
    const listItem = /^\s*(?:[-*•·+]|\d+[.)、])/.test(line);
    const heading =
      !listItem && body.length > 0 && !/[.。;；,，]$/.test(body) && words <= 6 && han <= 12 && !/[:：]./.test(body);
    if (heading && (NICE.test(body) || REQUIRED.test(body))) {
      switches.push({ at: lineStart, nice: NICE.test(body) && !/minimum|必须|硬性/.test(body) });
    } else {
      LABEL.lastIndex = 0;
      for (let m = LABEL.exec(line); m !== null; m = LABEL.exec(line)) {
        const label = (m[2] ?? '').replace(BULLET, '').trim();
        const labelWords = label.split(/\s+/).filter(Boolean).length;
        if (label.length === 0 || labelWords > 5) continue;
        if (NICE.test(label)) switches.push({ at: lineStart + m.index + (m[1] ?? '').length, nice: true });
        else if (REQUIRED.test(label) || labelWords <= 3)
          switches.push({ at: lineStart + m.index + (m[1] ?? '').length, nice: false });
      }
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  for (let i = 0; i < switches.length; i++) {
    const s = switches[i];
    if (s?.nice) ranges.push([s.at, switches[i + 1]?.at ?? text.length]);
  }
  // 2. Sentences with a cue of their own; 3. list items marked optional.
  const sentence = /[^.;。；!?！？\n]+(?:\n(?![\s]*[-*•·#\d]|\s*\n)[^.;。；!?！？\n]+)*/g;
  for (let m = sentence.exec(text); m !== null; m = sentence.exec(text)) {
    const s = m[0];
    const withoutLabel = s.replace(/^[^:：]{1,40}[:：]/, '');
    if (NICE.test(withoutLabel)) {
      // 熟悉 PyTorch，有大模型经验者优先: a Chinese cue marks only its clause, between commas (folded
      // text has the full-width comma as ",").
      const clause = /[^,，]+/g;
      const clauses: Array<[number, number]> = [];
      for (let k = clause.exec(s); k !== null; k = clause.exec(s))
        if (CJK_NICE.test(k[0])) clauses.push([m.index + k.index, m.index + k.index + k[0].length]);
      if (clauses.length > 0 && !NICE_LATIN.test(withoutLabel)) ranges.push(...clauses);
      else ranges.push([m.index, m.index + s.length]);
    } else if (OPTIONAL.test(s)) {
      const item = /[^,，、]+/g;
      for (let k = item.exec(s); k !== null; k = item.exec(s))
        if (OPTIONAL.test(k[0])) ranges.push([m.index + k.index, m.index + k.index + k[0].length]);
    }
  }
  return ranges;
}

function decideRole(
  curriculum: Curriculum,
  hits: readonly PhraseMatch[],
  skills: readonly FoundSkill[],
  text: string,
  titleEnd: number,
): { id: string; confidence: number; evidence: string[] } {
  const roles = curriculum.roles;
  if (roles.length === 0) return { id: '', confidence: 0, evidence: [] };
  const score = new Map<string, number>(roles.map((r) => [r.id, 0]));
  const evidence = new Map<string, Map<string, number>>();
  const perPhrase = new Map<string, number>();
  for (const m of hits) {
    const inTitle = m.start < titleEnd;
    const words = text.slice(m.start, m.end).replace(/\s+/g, ' ');
    for (const t of m.entry.targets) {
      if (t.kind !== 'role' || !score.has(t.id)) continue;
      const key = `${t.id}|${words.toLowerCase()}|${inTitle ? 't' : 'b'}`;
      const count = perPhrase.get(key) ?? 0;
      if (count >= PHRASE_CAP) continue;
      perPhrase.set(key, count + 1);
      const add = inTitle ? TITLE_PHRASE_WEIGHT : BODY_PHRASE_WEIGHT;
      score.set(t.id, (score.get(t.id) ?? 0) + add);
      const ev = evidence.get(t.id) ?? new Map<string, number>();
      const label = inTitle ? `title: "${words}"` : `"${words}"`;
      ev.set(label, (ev.get(label) ?? 0) + add);
      evidence.set(t.id, ev);
    }
  }
  // The skills asked, against each role's market profile (cosine similarity).
  const asked = new Map(skills.filter((s) => !s.outside).map((s) => [s.id, s.required ? 1 : 0.5]));
  const askedNorm = Math.sqrt([...asked.values()].reduce((a, v) => a + v * v, 0));
  const profileShare = new Map<string, { similarity: number; top: string[] }>();
  for (const r of roles) {
    const { similarity, top } = profileSimilarity(r, asked, askedNorm);
    profileShare.set(r.id, { similarity, top });
    score.set(r.id, (score.get(r.id) ?? 0) + PROFILE_WEIGHT * similarity);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || roleOrder(roles, a[0]) - roleOrder(roles, b[0]));
  const [bestId, best] = ranked[0] ?? ['', 0];
  const total = ranked.reduce((a, [, v]) => a + v, 0);
  const phrases = [...(evidence.get(bestId)?.entries() ?? [])].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  const profile = profileShare.get(bestId);
  const why = [...phrases.slice(0, 6)];
  if (profile && profile.top.length > 0) why.push(`skills: ${profile.top.join(', ')}`);
  return { id: bestId, confidence: total > 0 ? Math.round((100 * best) / total) / 100 : 0, evidence: why };
}

function roleOrder(roles: readonly Role[], id: string): number {
  return roles.findIndex((r) => r.id === id);
}

function profileSimilarity(
  role: Role,
  asked: ReadonlyMap<string, number>,
  askedNorm: number,
): { similarity: number; top: string[] } {
  const weights = readinessWeights(role);
  const norm = Math.sqrt(weights.reduce((a, w) => a + w.weight * w.weight, 0));
  if (norm === 0 || askedNorm === 0) return { similarity: 0, top: [] };
  const parts = weights
    .map((w) => ({ skill: w.skill, part: w.weight * (asked.get(w.skill) ?? 0) }))
    .filter((p) => p.part > 0)
    .sort((a, b) => b.part - a.part);
  const dot = parts.reduce((a, p) => a + p.part, 0);
  return { similarity: dot / (norm * askedNorm), top: parts.slice(0, 4).map((p) => p.skill) };
}

const YEARS_EN = /(\d{1,2})\s*(?:\+|plus)?\s*(?:-\s*\d{1,2}\s*\+?\s*)?(?:years|yrs)/g;
const YEARS_ZH =
  /(\d{1,2})\s*(?:-\s*\d{1,2}\s*)?年(?:以上|及以上)?(?:的)?(?:工作|相关|研发|开发|经验|[^\n，。；]{0,12}经验)/g;

/**
 * The seniority: a level word in the title line decides; else the most years of experience asked
 * (8+ lead, 5+ senior, 2+ mid, less junior); else a level word anywhere; else mid.
 */
export function decideSeniority(folded: string, titleEnd: number): Seniority {
  const title = folded.slice(0, titleEnd);
  const levelIn = (text: string): Seniority | undefined => {
    const has = (words: readonly string[]): boolean =>
      words.some((w) =>
        /^[a-z]/.test(w) ? new RegExp(`(?<![a-z])${w.replace('.', '\\.')}(?![a-z])`).test(text) : text.includes(w),
      );
    if (has(SENIORITY_WORDS.intern)) return 'intern';
    if (has(SENIORITY_WORDS.lead)) return 'lead';
    if (has(SENIORITY_WORDS.senior)) return 'senior';
    if (has(SENIORITY_WORDS.junior)) return 'junior';
    return undefined;
  };
  const fromTitle = levelIn(title);
  if (fromTitle) return fromTitle;
  let years = -1;
  for (const re of [YEARS_EN, YEARS_ZH]) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) years = Math.max(years, Number(m[1]));
  }
  if (years >= 8) return 'lead';
  if (years >= 5) return 'senior';
  if (years >= 2) return 'mid';
  if (years >= 0) return 'junior';
  return levelIn(folded) ?? 'mid';
}
