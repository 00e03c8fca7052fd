/**
 * @module planner/test-support/fixtures
 * A compact builder of in-memory curricula for planner tests. Skills are written as
 * `{ b: ['a', '~c'] }`: b requires a, and c as a corequisite (`~`).
 */
import type {
  ChooseOneGroup,
  Cost,
  Curriculum,
  LearningStyle,
  Resource,
  ResourceStyle,
  Skill,
  Stage,
  StartingPoint,
  Text,
} from '../../model.js';
import type { Explanation, Profile, Words } from '../../plan-model.js';
import { explanationText, sayAll } from '../../../i18n/planner.js';
import { profileFor } from '../profile.js';
import type { ProfileOverrides } from '../profile.js';

export const tx = (s: string): Text => ({ en: s, 'zh-CN': `中${s}` });

export interface ResourceSpec {
  hours: number;
  teaches: string[];
  cost?: Cost;
  style?: ResourceStyle;
  ambient?: boolean;
  languages?: string[];
  /** The hours are the curriculum's estimate rather than the provider's figure. */
  estimate?: boolean;
  /** [unit id, hours, teaches] */
  units?: Array<[string, number, string[]]>;
}

export interface StageSpec {
  id: string;
  skills?: string[];
  resources?: string[];
  chooseOne?: Array<{ id: string; options: Array<{ resources: string[]; style?: LearningStyle }> }>;
  alongside?: string;
  optional?: boolean;
  block?: { weeks?: number; hours?: number };
}

export interface FixtureSpec {
  skills: Record<string, string[]>;
  skillHours?: Record<string, number>;
  areas?: Record<string, Skill['area']>;
  resources?: Record<string, ResourceSpec>;
  stages?: StageSpec[];
  routes?: Array<{ id: string; stages: string[]; recommendedFor?: string[]; variantOf?: string }>;
  startingPoints?: Array<Partial<Omit<StartingPoint, 'title'>> & { id: string }>;
  roles?: Record<string, Record<string, number>>;
  domains?: Record<string, { skills: string[]; resources?: string[] }>;
  projects?: Array<{ id: string; domain: string; milestones?: string[] }>;
  defaultSkillHours?: number;
}

export function fixture(spec: FixtureSpec): Curriculum {
  const skills: Skill[] = Object.entries(spec.skills).map(([id, reqs]) => ({
    id,
    area: spec.areas?.[id] ?? 'ml',
    title: tx(id),
    summary: undefined,
    outcomes: [],
    requires: reqs.map((r) => ({
      skill: r.replace(/^~/, ''),
      reason: tx(`${id} needs ${r}`),
      corequisite: r.startsWith('~'),
      shortcut: false,
    })),
    aliases: [],
    hours: spec.skillHours?.[id],
    shortcut: undefined,
    tags: [],
  }));
  const resources: Resource[] = Object.entries(spec.resources ?? {}).map(([id, r]) => ({
    id,
    title: `Title ${id}`,
    localTitle: undefined,
    summary: tx(id),
    authors: [],
    provider: undefined,
    url: undefined,
    kind: 'course',
    cost: r.cost ?? 'free',
    languages: r.languages ?? ['en'],
    style: r.style ?? 'structured',
    effort: {
      hours: r.hours,
      weeks: undefined,
      hoursPerWeek: undefined,
      source: r.estimate === true ? undefined : 'test',
      estimate: r.estimate === true,
      reasoning: r.estimate === true ? tx('test estimate') : undefined,
    },
    units: (r.units ?? []).map(([uid, hours, teaches]) => ({
      id: uid,
      title: tx(uid),
      hours,
      teaches,
      url: undefined,
    })),
    teaches: r.teaches,
    ambient: r.ambient ?? false,
  }));
  const stages: Stage[] = (spec.stages ?? []).map((s) => ({
    id: s.id,
    title: tx(s.id),
    summary: undefined,
    skills: s.skills ?? [],
    resources: s.resources ?? [],
    chooseOne: (s.chooseOne ?? []).map((g): ChooseOneGroup => ({
      id: g.id,
      title: tx(g.id),
      options: g.options.map((o) => ({ resources: o.resources, style: o.style, note: undefined })),
    })),
    alongside: s.alongside,
    optional: s.optional ?? false,
    block: s.block ? { weeks: s.block.weeks, hours: s.block.hours, reason: tx(`block ${s.id}`) } : undefined,
  }));
  return {
    meta: {
      id: 'fixture',
      version: '0.0.0',
      locales: ['en', 'zh-CN'],
      title: tx('fixture'),
      summary: undefined,
      rubric: [],
      defaultSkillHours: spec.defaultSkillHours,
      goal: undefined,
      ready: undefined,
    },
    skills,
    resources,
    stages,
    routes: (spec.routes ?? []).map((r) => ({
      id: r.id,
      title: tx(r.id),
      summary: undefined,
      stages: r.stages,
      reasons: [{ text: tx(`reason for ${r.id}`), for: [] }],
      recommendedFor: r.recommendedFor ?? [],
      variantOf: r.variantOf,
    })),
    startingPoints: (spec.startingPoints ?? []).map((p) => ({
      id: p.id,
      title: tx(p.id),
      summary: undefined,
      known: p.known ?? [],
      hoursPerWeek: p.hoursPerWeek ?? 10,
      hoursNote: undefined,
      route: p.route,
      style: p.style,
      effortFactor: p.effortFactor,
      expected: p.expected,
    })),
    roles: Object.entries(spec.roles ?? {}).map(([id, w]) => ({
      id,
      title: tx(id),
      summary: undefined,
      aliases: [],
      weights: Object.entries(w).map(([skill, weight]) => ({ skill, weight })),
      market: [],
      evidence: undefined,
    })),
    projects: (spec.projects ?? []).map((p) => ({
      id: p.id,
      domain: p.domain,
      title: tx(p.id),
      summary: undefined,
      skills: [],
      milestones: (p.milestones ?? []).map(tx),
      rubric: [],
      resources: [],
    })),
    domains: Object.entries(spec.domains ?? {}).map(([id, d]) => ({
      id,
      title: tx(id),
      summary: undefined,
      skills: d.skills,
      resources: d.resources ?? [],
    })),
    vocabulary: undefined,
    selfCheck: [],
  };
}

/** A profile for a fixture, starting on Monday 2027-01-04 unless told otherwise. */
export function profileOf(
  curriculum: Curriculum,
  startingPoint: string | undefined,
  overrides: Partial<ProfileOverrides> = {},
): Profile {
  return profileFor(curriculum, startingPoint, { startDate: '2027-01-04', ...overrides });
}

/** A small curriculum shaped like the shipped one: code, ML with maths alongside, DL, portfolio, job search. */
export function miniCurriculum(): Curriculum {
  return fixture({
    skills: {
      python: [],
      calculus: [],
      'linear-algebra': [],
      'ml-basics': ['python', 'linear-algebra'],
      'dl-basics': ['ml-basics', 'calculus'],
      'python-style': ['python'],
      'nlp-basics': ['dl-basics'],
      portfolio: ['dl-basics'],
      interviewing: ['portfolio'],
    },
    areas: {
      python: 'software',
      calculus: 'math',
      'linear-algebra': 'math',
      interviewing: 'career',
      portfolio: 'career',
    },
    resources: {
      cs: { hours: 40, teaches: ['python'] },
      'py-mooc': { hours: 30, teaches: ['python'], style: 'practical' },
      'py-book': { hours: 6, teaches: ['python-style'], ambient: true },
      maths: {
        hours: 30,
        teaches: ['calculus', 'linear-algebra'],
        units: [
          ['la', 15, ['linear-algebra']],
          ['calc', 15, ['calculus']],
        ],
      },
      ml: { hours: 50, teaches: ['ml-basics'], cost: 'free-to-audit' },
      'dl-structured': { hours: 60, teaches: ['dl-basics'], style: 'structured', cost: 'free-to-audit' },
      'dl-university': { hours: 80, teaches: ['dl-basics'], style: 'university' },
      'dl-practical': { hours: 50, teaches: ['dl-basics'], style: 'practical', cost: 'paid' },
      'hf-nlp': { hours: 20, teaches: ['nlp-basics'] },
    },
    stages: [
      { id: 'code', skills: ['python', 'python-style'], resources: ['cs', 'py-book'] },
      { id: 'shallow-ml', skills: ['ml-basics'], resources: ['ml'] },
      { id: 'maths', skills: ['calculus', 'linear-algebra'], resources: ['maths'], alongside: 'shallow-ml' },
      {
        id: 'deep-learning',
        skills: ['dl-basics'],
        chooseOne: [
          {
            id: 'dl-course',
            options: [
              { resources: ['dl-structured'], style: 'structured' },
              { resources: ['dl-university'], style: 'university' },
              { resources: ['dl-practical'], style: 'practical' },
            ],
          },
        ],
      },
      { id: 'domain-portfolio', skills: ['portfolio'], block: { weeks: 8.7 } },
      { id: 'job-search', skills: ['interviewing'], block: { weeks: 4 } },
    ],
    routes: [
      {
        id: 'software-first',
        stages: ['code', 'maths', 'shallow-ml', 'deep-learning', 'domain-portfolio', 'job-search'],
        recommendedFor: ['from-scratch', 'developer'],
      },
      {
        id: 'data-science-first',
        stages: ['maths', 'shallow-ml', 'code', 'deep-learning', 'domain-portfolio', 'job-search'],
        recommendedFor: ['quant'],
      },
    ],
    startingPoints: [
      { id: 'from-scratch', hoursPerWeek: 20, effortFactor: 1.5, route: 'software-first' },
      { id: 'developer', hoursPerWeek: 10, effortFactor: 1.0, known: ['python', 'python-style'], style: 'practical' },
      { id: 'quant', hoursPerWeek: 15, effortFactor: 1.2, known: ['calculus', 'linear-algebra'] },
    ],
    roles: { 'ml-engineer': { 'dl-basics': 3, 'ml-basics': 2, python: 1, 'python-style': 1 } },
    domains: { nlp: { skills: ['nlp-basics'], resources: ['hf-nlp'] }, vision: { skills: [], resources: [] } },
    projects: [
      { id: 'nlp-p1', domain: 'nlp', milestones: ['scope', 'build', 'ship'] },
      { id: 'nlp-p2', domain: 'nlp', milestones: ['scope', 'ship'] },
    ],
  });
}

/** What an explanation says, rendered in both interface locales (`{}` for none). */
export function textOf(explanation: Explanation | undefined): Record<string, string> {
  return explanation ? explanationText(explanation) : {};
}

/** A task's words (curriculum text or the planner's record), rendered in both interface locales. */
export function wordsOf(words: Words | undefined): Record<string, string> {
  return words ? sayAll(words) : {};
}
