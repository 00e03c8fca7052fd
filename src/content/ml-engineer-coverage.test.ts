/**
 * Every item of the source article (the digest's sections 1-6) is carried by the shipped
 * ML-engineer curriculum. The table below says where each item lives: the ids that must exist
 * (skills, resources, stages, routes, roles, starting points, domains, rubric items), text that
 * must appear in a given entity, and facts about the structure (order, choose-one styles, blocks).
 * Removing or renaming any of these makes the item's test fail with the place it went missing.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.js';
import type { Curriculum, Stage } from '../core/model.js';
import { tryLoadCurriculum } from './load.js';
import { loadPostings } from './postings.js';

const SHIPPED = fileURLToPath(new URL('../../curricula/ml-engineer', import.meta.url));

/** A calendar month in weeks, as the curriculum counts it. */
const MONTH_WEEKS = 4.35;

type Kind = 'skill' | 'resource' | 'stage' | 'route' | 'role' | 'startingPoint' | 'domain' | 'rubric';

interface TextRule {
  /** `kind:id` of the entity whose texts (any field, either language) must match. */
  readonly in: `${Kind}:${string}`;
  readonly matches: RegExp;
}

interface Fact {
  readonly what: string;
  readonly holds: (c: Curriculum) => boolean;
}

interface DigestItem {
  readonly section: 1 | 2 | 3 | 4 | 5 | 6;
  readonly item: string;
  readonly ids?: Partial<Record<Kind, readonly string[]>>;
  readonly texts?: readonly TextRule[];
  readonly facts?: readonly Fact[];
}

const stage = (c: Curriculum, id: string): Stage | undefined => c.stages.find((s) => s.id === id);
const stageOffers = (c: Curriculum, id: string, resource: string): boolean => {
  const s = stage(c, id);
  return (
    s !== undefined &&
    (s.resources.includes(resource) || s.chooseOne.some((g) => g.options.some((o) => o.resources.includes(resource))))
  );
};
const optionFor = (c: Curriculum, stageId: string, style: string): readonly string[] =>
  stage(c, stageId)
    ?.chooseOne.flatMap((g) => g.options)
    .find((o) => o.style === style)?.resources ?? [];
const route = (c: Curriculum, id: string) => c.routes.find((r) => r.id === id);
const point = (c: Curriculum, id: string) => c.startingPoints.find((p) => p.id === id);

const ARTICLE_ORDER = [
  'code',
  'shallow-ml',
  'maths',
  'deep-learning',
  'mlops',
  'software-engineering',
  'domain-portfolio',
  'job-search',
];

/** The article's stages among some stage ids, in the order given (the 2026 market stages left out). */
const articleStages = (ids: readonly string[]): string[] => ids.filter((id) => ARTICLE_ORDER.includes(id));

/** The digest (../shared/seed/README.md, sections 1-6), item by item, and where each is carried. */
const DIGEST: readonly DigestItem[] = [
  // 1. The role
  {
    section: 1,
    item: 'ML engineer: uses ML inside an organisation to solve a business case',
    ids: { role: ['ml-engineer'] },
    texts: [{ in: 'role:ml-engineer', matches: /business case/i }],
  },
  {
    section: 1,
    item: 'ML researcher is a different role: novel methods for science, no immediate business need',
    ids: { role: ['research-scientist'] },
    texts: [{ in: 'role:research-scientist', matches: /novel methods/i }],
  },
  {
    section: 1,
    item: 'job titles in ML are a mess (the author co-wrote a whitepaper on them)',
    ids: { role: ['data-scientist', 'data-engineer', 'mlops-engineer'], resource: ['become-mle-article'] },
    texts: [{ in: 'skill:ml-roles', matches: /titles/i }],
  },

  // 2. The four skill pillars, plus MLOps and the job search
  {
    section: 2,
    item: 'software engineering is the most important pillar',
    ids: {
      stage: ['code', 'software-engineering'],
      skill: ['computing-basics', 'python-idiomatic', 'testing-debugging', 'software-design', 'model-deployment'],
    },
    texts: [
      { in: 'route:software-first', matches: /most important pillar/i },
      { in: 'route:software-first', matches: /beyond manual scale/i },
      { in: 'route:software-first', matches: /serves no user has failed/i },
      { in: 'route:software-first', matches: /iterate on experiments quickly/i },
      { in: 'route:software-first', matches: /Brockman/ },
    ],
  },
  {
    section: 2,
    item: 'data science: messy real-world data, collecting, understanding, features, sensitivity of model output',
    ids: {
      stage: ['shallow-ml'],
      skill: [
        'data-collection',
        'data-cleaning',
        'exploratory-analysis',
        'feature-engineering',
        'model-interpretation',
      ],
      resource: ['interpretable-ml-book'],
    },
    texts: [{ in: 'resource:interpretable-ml-book', matches: /sensitivity of model output/i }],
  },
  {
    section: 2,
    item: 'the nastiest bug is output that looks right but is wrong; the best way to a good model is time with the data',
    texts: [
      { in: 'route:data-science-first', matches: /looks right but is wrong/i },
      { in: 'route:data-science-first', matches: /lots of time with the data/i },
    ],
  },
  {
    section: 2,
    item: 'research: find the papers relevant to a problem and replicate their methods in your domain',
    ids: { skill: ['reading-papers', 'replicating-papers'], resource: ['how-to-read-a-paper', 'fastai-part2'] },
    facts: [
      {
        what: 'domain-portfolio lists reading and replicating papers',
        holds: (c) =>
          ['reading-papers', 'replicating-papers'].every((s) => stage(c, 'domain-portfolio')?.skills.includes(s)),
      },
    ],
  },
  {
    section: 2,
    item: 'mathematics: calculus, linear algebra, probability as the core; numerics and optimisation help; statistics for the data',
    ids: {
      stage: ['maths'],
      skill: ['calculus', 'linear-algebra', 'probability', 'numerical-methods', 'optimization', 'statistics'],
    },
    texts: [
      { in: 'stage:maths', matches: /rarely explicit/i },
      { in: 'stage:maths', matches: /implicitly needed/i },
      { in: 'stage:maths', matches: /training LLMs/i },
    ],
  },
  {
    section: 2,
    item: 'application domain: language models for text, CNNs for vision, RNNs for time series',
    ids: {
      domain: ['nlp', 'computer-vision', 'time-series'],
      skill: ['nlp-foundations', 'cnns', 'sequence-models', 'sequence-modelling-for-time-series'],
    },
    facts: [
      {
        what: 'each of the three domains lists its own skills',
        holds: (c) =>
          ['nlp', 'computer-vision', 'time-series'].every(
            (d) => (c.domains.find((x) => x.id === d)?.skills.length ?? 0) > 0,
          ),
      },
    ],
  },
  {
    section: 2,
    item: 'MLOps and the job search complete the skills',
    ids: { stage: ['mlops', 'job-search'], skill: ['ml-lifecycle', 'job-applications', 'networking'] },
  },

  // 3. Two routes in
  {
    section: 3,
    item: 'data-science route: maths and data first, then ML, then the software engineering needed',
    ids: { route: ['data-science-first'] },
    texts: [{ in: 'route:data-science-first', matches: /software engineering/i }],
    facts: [
      {
        what: 'data-science-first takes shallow ML and maths before software engineering',
        holds: (c) => {
          const s = route(c, 'data-science-first')?.stages ?? [];
          return (
            s.indexOf('shallow-ml') >= 0 &&
            s.indexOf('maths') >= 0 &&
            s.indexOf('shallow-ml') < s.indexOf('software-engineering')
          );
        },
      },
    ],
  },
  {
    section: 3,
    item: 'a quantitative degree follows the data-science route by default; learn SWE during or after studies',
    texts: [{ in: 'route:data-science-first', matches: /during or after your studies/i }],
    facts: [
      {
        what: 'data-science-first is recommended for quant students and data scientists',
        holds: (c) =>
          ['quant-student', 'data-scientist'].every((p) => route(c, 'data-science-first')?.recommendedFor.includes(p)),
      },
    ],
  },
  {
    section: 3,
    item: 'best: study CS specialising in ML, with many internships (the university variant)',
    ids: { route: ['university'], skill: ['internships'] },
    texts: [{ in: 'route:university', matches: /many internships/i }],
    facts: [
      {
        what: 'university is a variant of data-science-first',
        holds: (c) => route(c, 'university')?.variantOf === 'data-science-first',
      },
    ],
  },
  {
    section: 3,
    item: 'software-engineering route: a capable software engineer first, then maths, data and ML',
    ids: { route: ['software-first'] },
    facts: [
      {
        what: 'software-first takes software engineering before shallow ML',
        holds: (c) => {
          const s = route(c, 'software-first')?.stages ?? [];
          return s.indexOf('software-engineering') >= 0 && s.indexOf('software-engineering') < s.indexOf('shallow-ml');
        },
      },
    ],
  },
  {
    section: 3,
    item: 'recommended for self-learners: a deployed simple model creates value, a great model in a notebook is a toy; never neglect the maths',
    texts: [
      { in: 'route:software-first', matches: /recommends this route for self-learners/i },
      { in: 'route:software-first', matches: /deployed simple model already creates value/i },
      { in: 'route:software-first', matches: /Jupyter notebook is only a toy/i },
      { in: 'route:software-first', matches: /never neglect/i },
    ],
    facts: [
      {
        what: 'software-first is recommended for from-scratch, career-changer and developer',
        holds: (c) =>
          ['from-scratch', 'career-changer', 'developer'].every((p) =>
            route(c, 'software-first')?.recommendedFor.includes(p),
          ),
      },
    ],
  },

  // 4. The resources, stage by stage
  {
    section: 4,
    item: 'learn to code: CS50, the Helsinki Python MOOC (CS50 graduates skim), Dead Simple Python on the nightstand',
    ids: { resource: ['cs50x', 'python-mooc-helsinki', 'dead-simple-python'] },
    texts: [
      { in: 'stage:code', matches: /skim/i },
      { in: 'resource:dead-simple-python', matches: /read a chapter now and then/i },
    ],
    facts: [
      { what: 'code offers CS50x', holds: (c) => stageOffers(c, 'code', 'cs50x') },
      { what: 'code offers the Helsinki MOOC', holds: (c) => stageOffers(c, 'code', 'python-mooc-helsinki') },
      { what: 'code offers Dead Simple Python', holds: (c) => stageOffers(c, 'code', 'dead-simple-python') },
      {
        what: 'Dead Simple Python is ambient bedside reading',
        holds: (c) => c.resources.find((r) => r.id === 'dead-simple-python')?.ambient === true,
      },
    ],
  },
  {
    section: 4,
    item: 'shallow ML first (more intuitive, builds data skills): the Machine Learning Specialization',
    ids: { resource: ['ml-specialization'] },
    texts: [
      { in: 'stage:shallow-ml', matches: /more intuitive than neural networks/i },
      { in: 'resource:ml-specialization', matches: /吴恩达/ },
    ],
    facts: [
      {
        what: 'shallow-ml offers the ML Specialization',
        holds: (c) => stageOffers(c, 'shallow-ml', 'ml-specialization'),
      },
    ],
  },
  {
    section: 4,
    item: 'deep learning by learning style: DL Specialization, NYU (LeCun), fast.ai with its book; the maths course if lacking',
    ids: {
      resource: [
        'deep-learning-specialization',
        'nyu-deep-learning',
        'fastai-course',
        'fastai-book',
        'math-for-ml-specialization',
      ],
    },
    texts: [
      { in: 'stage:deep-learning', matches: /mathematics specialization/i },
      { in: 'resource:fastai-book', matches: /reference/i },
    ],
    facts: [
      {
        what: 'the structured option is the Deep Learning Specialization',
        holds: (c) => optionFor(c, 'deep-learning', 'structured').includes('deep-learning-specialization'),
      },
      {
        what: 'the university option is NYU deep learning',
        holds: (c) => optionFor(c, 'deep-learning', 'university').includes('nyu-deep-learning'),
      },
      {
        what: 'the practical option is the fast.ai course with its book',
        holds: (c) =>
          ['fastai-course', 'fastai-book'].every((r) => optionFor(c, 'deep-learning', 'practical').includes(r)),
      },
      {
        what: 'the maths stage offers the DeepLearning.AI maths specialization',
        holds: (c) => stageOffers(c, 'maths', 'math-for-ml-specialization'),
      },
    ],
  },
  {
    section: 4,
    item: 'domain expertise: Hugging Face courses as starting points for background, paper vocabulary and project ideas',
    ids: {
      resource: [
        'hf-llm-course',
        'hf-computer-vision-course',
        'hf-audio-course',
        'hf-deep-rl-course',
        'hf-diffusion-course',
        'hf-smol-course',
      ],
    },
    texts: [{ in: 'stage:domain-portfolio', matches: /Hugging Face/ }],
    facts: [
      {
        what: 'each Hugging Face domain course belongs to a domain',
        holds: (c) =>
          ['hf-llm-course', 'hf-computer-vision-course', 'hf-audio-course', 'hf-deep-rl-course'].every((r) =>
            c.domains.some((d) => d.resources.includes(r)),
          ),
      },
    ],
  },
  {
    section: 4,
    item: 'projects: one or a few impressive, well-architected, month-long, innovative projects, a write-up and a front end others can try',
    ids: {
      rubric: ['impressive', 'well-architected', 'month-long', 'innovative', 'front-end', 'write-up'],
      skill: ['portfolio-project', 'technical-writing', 'ml-demo-apps'],
    },
    texts: [{ in: 'stage:domain-portfolio', matches: /front end others can try/i }],
    facts: [
      {
        what: 'the portfolio block is a whole number of calendar months (4.35 weeks each) with a reason',
        holds: (c) => {
          const weeks = stage(c, 'domain-portfolio')?.block?.weeks ?? 0;
          const months = weeks / MONTH_WEEKS;
          return weeks > 0 && Math.abs(months - Math.round(months)) < 0.01;
        },
      },
      {
        what: 'at least three project templates per main domain',
        holds: (c) =>
          ['nlp', 'computer-vision', 'time-series'].every((d) => c.projects.filter((p) => p.domain === d).length >= 3),
      },
    ],
  },
  {
    section: 4,
    item: 'software engineering: Full Stack Open, in JavaScript, to deploy models and give users an interface',
    ids: { resource: ['full-stack-open'] },
    texts: [
      { in: 'stage:software-engineering', matches: /JavaScript/ },
      { in: 'stage:software-engineering', matches: /give users an interface/i },
    ],
    facts: [
      {
        what: 'software-engineering offers Full Stack Open',
        holds: (c) => stageOffers(c, 'software-engineering', 'full-stack-open'),
      },
    ],
  },
  {
    section: 4,
    item: 'MLOps: lifecycle management and design of ML products with Full Stack Deep Learning',
    ids: { resource: ['full-stack-deep-learning'], skill: ['ml-lifecycle', 'ml-system-design'] },
    texts: [{ in: 'stage:mlops', matches: /whole lifecycle/i }],
    facts: [
      {
        what: 'mlops offers Full Stack Deep Learning',
        holds: (c) => stageOffers(c, 'mlops', 'full-stack-deep-learning'),
      },
    ],
  },
  {
    section: 4,
    item: "the job search: skills are half; internships, Quincy Larson's book (audiobook), learning hard things",
    ids: {
      resource: ['larson-learn-to-code-book', 'learning-hard-things'],
      skill: ['internships', 'networking', 'learning-how-to-learn'],
    },
    texts: [
      { in: 'stage:job-search', matches: /Skills are only half/i },
      { in: 'stage:job-search', matches: /internships/i },
      { in: 'resource:larson-learn-to-code-book', matches: /audiobook/i },
    ],
    facts: [
      {
        what: "job-search offers Larson's book",
        holds: (c) => stageOffers(c, 'job-search', 'larson-learn-to-code-book'),
      },
      {
        what: 'the job-search block has weeks and a reason',
        holds: (c) => (stage(c, 'job-search')?.block?.weeks ?? 0) > 0,
      },
    ],
  },

  // 5. How long it takes
  {
    section: 5,
    item: 'from zero, full time: about 18 months; university is the easiest path',
    ids: { startingPoint: ['from-scratch'] },
    texts: [{ in: 'route:university', matches: /easiest path/i }],
    facts: [
      { what: 'from-scratch expects about 18 months', holds: (c) => point(c, 'from-scratch')?.expected?.months === 18 },
    ],
  },
  {
    section: 5,
    item: 'career changer: use the earlier experience, domain expertise sets you apart',
    ids: { startingPoint: ['career-changer'] },
    texts: [{ in: 'route:software-first', matches: /domain expertise sets you apart/i }],
    facts: [
      {
        what: 'software-first is recommended for career changers',
        holds: (c) => route(c, 'software-first')?.recommendedFor.includes('career-changer') === true,
      },
    ],
  },
  {
    section: 5,
    item: 'software developer after work: about 6 months for shallow and deep ML and the missing maths',
    ids: { startingPoint: ['developer'] },
    texts: [
      { in: 'route:software-first', matches: /about six months of shallow and deep ML and the missing maths/i },
      { in: 'route:software-first', matches: /highly valued/i },
      { in: 'route:software-first', matches: /learning on the job, paid/i },
    ],
    facts: [{ what: 'developer expects about 6 months', holds: (c) => point(c, 'developer')?.expected?.months === 6 }],
  },
  {
    section: 5,
    item: 'data scientist alongside the job: a few months on ML projects at work, then a portfolio to move over',
    ids: { startingPoint: ['data-scientist'] },
    texts: [
      { in: 'route:data-science-first', matches: /a few months/i },
      { in: 'route:data-science-first', matches: /ceiling/i },
    ],
    facts: [
      {
        what: 'data-scientist expects a few months',
        holds: (c) => {
          const m = point(c, 'data-scientist')?.expected?.months ?? 0;
          return m >= 2 && m <= 6;
        },
      },
    ],
  },

  // 6. The summary checklist, in the article's own order
  {
    section: 6,
    item: 'the checklist order: code, shallow ML (maths alongside), deep learning, MLOps, software engineering if needed, domain and portfolio, then apply',
    ids: { stage: ARTICLE_ORDER },
    facts: [
      {
        what: "the article's stages are authored in the article's order",
        holds: (c) => articleStages(c.stages.map((s) => s.id)).join() === ARTICLE_ORDER.join(),
      },
      {
        what: "every stage beyond the article's is optional (the 2026 market stages)",
        holds: (c) => c.stages.filter((s) => !ARTICLE_ORDER.includes(s.id)).every((s) => s.optional),
      },
      { what: 'maths runs alongside shallow ML', holds: (c) => stage(c, 'maths')?.alongside === 'shallow-ml' },
      {
        what: 'software engineering is optional (if needed)',
        holds: (c) => stage(c, 'software-engineering')?.optional === true,
      },
      {
        what: 'data-science-first follows the checklist order',
        holds: (c) => articleStages(route(c, 'data-science-first')?.stages ?? []).join() === ARTICLE_ORDER.join(),
      },
    ],
  },
  {
    section: 6,
    item: '1. CS fundamentals and programming through CS50 and dedicated Python resources',
    ids: { skill: ['computing-basics', 'python-basics'] },
    facts: [
      {
        what: 'code covers computing basics and Python',
        holds: (c) => ['computing-basics', 'python-basics'].every((s) => stage(c, 'code')?.skills.includes(s)),
      },
    ],
  },
  {
    section: 6,
    item: '4.1 software engineering: web development, distributed systems, DevOps, relational databases',
    facts: [
      {
        what: 'software-engineering covers web, distributed systems, DevOps and SQL',
        holds: (c) =>
          ['web-fundamentals', 'distributed-systems', 'devops-ci-cd', 'sql-databases'].every((s) =>
            stage(c, 'software-engineering')?.skills.includes(s),
          ),
      },
    ],
  },
  {
    section: 6,
    item: '5. find your domain: start from Hugging Face courses, follow the rabbit holes, build projects by implementing papers',
    texts: [
      { in: 'stage:domain-portfolio', matches: /rabbit holes/i },
      { in: 'stage:domain-portfolio', matches: /implementing papers/i },
    ],
  },
];

function entity(c: Curriculum, kind: Kind, id: string): unknown {
  switch (kind) {
    case 'skill':
      return c.skills.find((x) => x.id === id);
    case 'resource':
      return c.resources.find((x) => x.id === id);
    case 'stage':
      return c.stages.find((x) => x.id === id);
    case 'route':
      return c.routes.find((x) => x.id === id);
    case 'role':
      return c.roles.find((x) => x.id === id);
    case 'startingPoint':
      return c.startingPoints.find((x) => x.id === id);
    case 'domain':
      return c.domains.find((x) => x.id === id);
    case 'rubric':
      return c.meta.rubric.find((x) => x.id === id);
  }
}

/** Every string inside a value (titles, summaries, reasons, notes, in every language). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** What of a digest item the curriculum fails to carry (empty when it carries all of it). */
function missingFrom(c: Curriculum, item: DigestItem): string[] {
  const missing: string[] = [];
  for (const [kind, ids] of Object.entries(item.ids ?? {}) as [Kind, readonly string[]][]) {
    for (const id of ids) if (entity(c, kind, id) === undefined) missing.push(`${kind} "${id}" is missing`);
  }
  for (const rule of item.texts ?? []) {
    const [kind, id] = rule.in.split(':') as [Kind, string];
    const found = entity(c, kind, id);
    if (found === undefined) missing.push(`${rule.in} is missing (needed for text ${String(rule.matches)})`);
    else if (!strings(found).some((s) => rule.matches.test(s)))
      missing.push(`${rule.in} no longer says ${String(rule.matches)}`);
  }
  for (const fact of item.facts ?? []) if (!fact.holds(c)) missing.push(`no longer true: ${fact.what}`);
  return missing;
}

function loadShipped(): Curriculum {
  const result = tryLoadCurriculum(SHIPPED);
  if (!result.ok)
    throw new Error(`the shipped curriculum does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.curriculum;
}

describe('the shipped curriculum carries every item of the article', () => {
  const curriculum = loadShipped();

  it('maps every section of the digest (1-6)', () => {
    expect([...new Set(DIGEST.map((d) => d.section))].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const d of DIGEST)
      expect((d.ids ? 1 : 0) + (d.texts?.length ?? 0) + (d.facts?.length ?? 0), d.item).toBeGreaterThan(0);
  });

  for (const d of DIGEST) {
    it(`§${d.section} ${d.item}`, () => {
      expect(missingFrom(curriculum, d)).toEqual([]);
    });
  }

  it('names what went missing when a carrier is removed', () => {
    const withoutBook: Curriculum = {
      ...curriculum,
      resources: curriculum.resources.filter((r) => r.id !== 'fastai-book'),
      stages: curriculum.stages.map((s) =>
        s.id === 'deep-learning'
          ? {
              ...s,
              chooseOne: s.chooseOne.map((g) => ({ ...g, options: g.options.filter((o) => o.style !== 'practical') })),
            }
          : s,
      ),
    };
    const item = DIGEST.find((d) => d.item.startsWith('deep learning by learning style'));
    expect(item).toBeDefined();
    const missing = item ? missingFrom(withoutBook, item) : [];
    expect(missing).toContain('resource "fastai-book" is missing');
    expect(missing).toContain('no longer true: the practical option is the fast.ai course with its book');
  });

  it('notices text that no longer says what the article says', () => {
    const reworded: Curriculum = {
      ...curriculum,
      routes: curriculum.routes.map((r) => (r.id === 'software-first' ? { ...r, reasons: [] } : r)),
    };
    const item = DIGEST.find((d) => d.item.startsWith('recommended for self-learners'));
    expect(item ? missingFrom(reworded, item) : []).toContain(
      'route:software-first no longer says /Jupyter notebook is only a toy/i',
    );
  });
});

/**
 * The skills the 2026 job market asks beyond the article (issue: roles from evidence), each mapped to the
 * optional stage that teaches it. The article's plan stays as it was; a role's market-ready target plans these.
 */
const MARKET_2026: Readonly<Record<string, 'ml-platform' | 'data-platform' | 'llm-engineering'>> = {
  'cloud-ml-platform': 'ml-platform',
  kubernetes: 'ml-platform',
  'infrastructure-as-code': 'ml-platform',
  'observability-on-call': 'ml-platform',
  'distributed-training': 'ml-platform',
  'inference-optimization': 'ml-platform',
  'spark-big-data': 'data-platform',
  'data-warehousing': 'data-platform',
  'workflow-orchestration': 'data-platform',
  'feature-stores': 'data-platform',
  'streaming-data': 'data-platform',
  'llm-agents': 'llm-engineering',
  'llm-evaluation': 'llm-engineering',
  'vector-databases': 'llm-engineering',
  'responsible-ai': 'llm-engineering',
};

describe('the shipped curriculum carries the 2026 market skills', () => {
  const curriculum = loadShipped();
  const postings = loadPostings();
  const both = (t: Readonly<Record<string, string>> | undefined): boolean =>
    (t?.['en'] ?? '').trim() !== '' && (t?.['zh-CN'] ?? '').trim() !== '';

  it('maps every skill the postings ask that the article does not teach', () => {
    const article = new Set(curriculum.stages.filter((s) => ARTICLE_ORDER.includes(s.id)).flatMap((s) => s.skills));
    const domainSkills = new Set(curriculum.domains.flatMap((d) => d.skills));
    const asked = new Set(postings.flatMap((p) => [...p.required, ...p.niceToHave]));
    const unmapped = [...asked].filter(
      (id) => !article.has(id) && !domainSkills.has(id) && MARKET_2026[id] === undefined,
    );
    expect(unmapped).toEqual([]);
  });

  for (const [id, stageId] of Object.entries(MARKET_2026)) {
    it(`${id}: in the optional ${stageId} stage, with outcomes, reasons, a free resource, phrases and postings`, () => {
      const skill = curriculum.skills.find((s) => s.id === id);
      expect(skill, id).toBeDefined();
      if (!skill) return;
      expect(both(skill.title) && both(skill.summary)).toBe(true);
      expect(skill.outcomes.length).toBeGreaterThanOrEqual(2);
      for (const o of skill.outcomes) expect(both(o)).toBe(true);
      expect(skill.requires.length).toBeGreaterThan(0);
      for (const r of skill.requires) expect(both(r.reason), `${id} requires ${r.skill}`).toBe(true);
      const st = stage(curriculum, stageId);
      expect(st?.optional).toBe(true);
      expect(st?.skills).toContain(id);
      // Free first: the stage's own defaults teach it with a free resource.
      const teachers = curriculum.resources.filter(
        (r) => r.teaches.includes(id) || r.units.some((u) => u.teaches.includes(id)),
      );
      expect(teachers.some((r) => r.cost === 'free' && st?.resources.includes(r.id))).toBe(true);
      for (const r of teachers)
        expect(r.effort.source !== undefined || (r.effort.estimate && both(r.effort.reasoning)), r.id).toBe(true);
      expect(curriculum.vocabulary?.skills[id]?.['en']?.length ?? 0).toBeGreaterThan(0);
      expect(postings.some((p) => p.required.includes(id) || p.niceToHave.includes(id))).toBe(true);
      // The article's plan does not target it; some role's market weights do.
      expect(curriculum.roles.some((r) => r.weights.some((w) => w.skill === id))).toBe(false);
      expect(curriculum.roles.some((r) => r.market.some((w) => w.skill === id))).toBe(true);
    });
  }
});
