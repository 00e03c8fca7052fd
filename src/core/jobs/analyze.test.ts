import { describe, expect, it } from 'vitest';
import { isMlpathError } from '../errors.js';
import type { ProgressState } from '../plan-model.js';
import { analyzePosting, decideSeniority } from './analyze.js';
import type { PostingAnalysis } from './analyze.js';
import { jobsCurriculum } from './test-support/jobs-fixture.js';
import { textViews } from './text.js';

const c = jobsCurriculum();
const skill = (a: PostingAnalysis, id: string) => a.skills.find((s) => s.id === id);

describe('analyzePosting: skills and spans', () => {
  it('finds skills with spans that are UTF-16 offsets into the text as given', () => {
    const text = '🚀 ML Engineer — we deploy models on Kubernetes 🙂 with PyTorch.\nAlso: SQL.';
    const a = analyzePosting(text, c);
    for (const s of a.skills) for (const span of s.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(skill(a, 'kubernetes')?.spans).toEqual([
      { start: text.indexOf('Kubernetes'), end: text.indexOf('Kubernetes') + 10, text: 'Kubernetes' },
    ]);
    expect(a.skills.map((s) => s.id)).toEqual(['model-deployment', 'kubernetes', 'pytorch', 'sql']);
  });

  it('reads HTML and keeps offsets into the markup as read', () => {
    const html =
      '<h1>AI Engineer</h1><p>Build <b>agents</b> &amp; a <em>vector database</em>.</p><h2>Nice to have</h2><ul><li>K8s</li></ul>';
    const a = analyzePosting(html, c);
    const agents = skill(a, 'llm-agents');
    expect(agents?.spans[0]).toEqual({
      start: html.indexOf('agents'),
      end: html.indexOf('agents') + 6,
      text: 'agents',
    });
    expect(skill(a, 'vector-databases')?.required).toBe(true);
    expect(skill(a, 'kubernetes')?.required).toBe(false);
    expect(a.role.id).toBe('ai-engineer');
  });

  it('reads Markdown headings as sections', () => {
    const md = '# Data Scientist\n\n## Requirements\n- SQL\n- A/B testing\n\n## Preferred qualifications\n- PyTorch\n';
    const a = analyzePosting(md, c);
    expect(skill(a, 'sql')?.required).toBe(true);
    expect(skill(a, 'statistics')?.required).toBe(true);
    expect(skill(a, 'pytorch')?.required).toBe(false);
  });

  it('lets the longest phrase win, so "vector database" is not also a database', () => {
    const a = analyzePosting('AI Engineer. You will run a vector database in production.', c);
    expect(skill(a, 'vector-databases')).toBeDefined();
    expect(skill(a, 'sql')).toBeUndefined();
  });

  it('counts a phrase for every skill it names ("strong Python" is both)', () => {
    const a = analyzePosting('ML Engineer with strong Python and PyTorch.', c);
    expect(skill(a, 'python')?.spans[0]?.text).toBe('strong Python');
    expect(skill(a, 'python-idiomatic')?.spans[0]?.text).toBe('strong Python');
  });

  it('hides skill words inside phrases that name no skill', () => {
    const a = analyzePosting('Data scientist. Statistics, and attention to detail. We track latency regressions.', c);
    expect(a.skills.map((s) => s.id)).toEqual(['statistics']);
  });

  it('reports terms the curriculum does not teach as outside it, and skills without a resource as not taught', () => {
    const a = analyzePosting('ML Engineer. Python and Java. Go is a plus. Fortran skills.', c);
    expect(skill(a, 'java')).toMatchObject({ outside: true, taught: false, required: true, title: 'Java' });
    expect(skill(a, 'go')).toMatchObject({ outside: true, required: false });
    expect(skill(a, 'untaught')).toMatchObject({ outside: false, taught: false });
    expect(skill(a, 'python')).toMatchObject({ outside: false, taught: true });
  });

  it('does not read fields of study after a degree as skills asked', () => {
    const a = analyzePosting('Data Scientist\nA PhD in statistics or computer science; A/B testing and SQL.', c);
    expect(skill(a, 'statistics')?.spans.map((s) => s.text)).toEqual(['A/B testing']);
    const zh = analyzePosting('数据科学家\n计算机、统计相关专业本科；熟悉 SQL 和统计。', c);
    expect(skill(zh, 'statistics')?.spans).toHaveLength(1);
  });

  it('reads "BS in Statistics" and "MS/PhD" as fields of study, not skills asked', () => {
    const a = analyzePosting('ML Engineer\n- BS in Computer Science, Statistics or a related field\n- Python', c);
    expect(skill(a, 'statistics')).toBeUndefined();
    expect(skill(a, 'python')?.required).toBe(true);
    const b = analyzePosting('ML Engineer\n- MS/PhD in statistics\n- SQL', c);
    expect(skill(b, 'statistics')).toBeUndefined();
    // Milliseconds are not a degree.
    const d = analyzePosting('ML Engineer\n- serve under 50 ms in statistics-heavy products with Python', c);
    expect(skill(d, 'statistics')).toBeDefined();
  });

  it('does not take "Go" the verb for the language', () => {
    const a = analyzePosting('ML Engineer. We go fast with Python.', c);
    expect(skill(a, 'go')).toBeUndefined();
  });

  it('counts a common term as taught where the curriculum names it', () => {
    const base = jobsCurriculum();
    const vocabulary = base.vocabulary ?? { skills: {}, roles: {} };
    const claims = {
      ...base,
      vocabulary: { ...vocabulary, skills: { ...vocabulary.skills, sql: { en: ['SQL', 'Java'] } } },
    };
    const a = analyzePosting('ML engineer. Java and SQL.', claims);
    expect(skill(a, 'java')).toBeUndefined();
    expect(skill(a, 'sql')?.spans.map((s) => s.text)).toEqual(['Java', 'SQL']);
  });
});

describe('analyzePosting: required and nice-to-have', () => {
  it('follows labels, inline cues and optional items in English', () => {
    const text = [
      'Machine Learning Engineer',
      'Requirements: Python; deploy models; SQL.',
      'Experience with Kubernetes is a plus.',
      'Preferred: PyTorch and',
      'agents (wrapped line, still preferred).',
      'Duties: model serving, statistics (optional), MCP.',
    ].join('\n');
    const a = analyzePosting(text, c);
    const required = a.skills.filter((s) => s.required).map((s) => s.id);
    const nice = a.skills.filter((s) => !s.required).map((s) => s.id);
    expect(required).toEqual(['python', 'model-deployment', 'sql', 'llm-agents']);
    expect(nice).toEqual(['kubernetes', 'pytorch', 'statistics']);
  });

  it('follows 加分项 and 优先 in Chinese', () => {
    const text =
      '大模型应用工程师\n任职要求：精通 Python，熟悉向量数据库；有智能体开发经验者优先。\n加分项：容器编排、模型部署。';
    const a = analyzePosting(text, c);
    expect(a.language).toBe('zh-CN');
    expect(skill(a, 'python')?.required).toBe(true);
    expect(skill(a, 'vector-databases')?.required).toBe(true);
    expect(skill(a, 'llm-agents')?.required).toBe(false);
    expect(skill(a, 'kubernetes')?.required).toBe(false);
    expect(skill(a, 'model-deployment')?.required).toBe(false);
  });

  it('marks only the clause a Chinese cue sits in as nice-to-have, not the whole sentence', () => {
    const a = analyzePosting('大模型应用工程师\n任职要求：精通 Python，熟悉数据库，有智能体开发经验者优先。', c);
    expect(skill(a, 'python')?.required).toBe(true);
    expect(skill(a, 'sql')?.required).toBe(true);
    expect(skill(a, 'llm-agents')?.required).toBe(false);
    // An English cue still marks its whole sentence ("Python, SQL or agents is a plus").
    const en = analyzePosting('ML engineer\nExperience with Kubernetes, model serving is a plus.', c);
    expect(skill(en, 'kubernetes')?.required).toBe(false);
    expect(skill(en, 'model-deployment')?.required).toBe(false);
  });

  it("reads a cue in a numbered list item as that item's, not as a heading over the items after it", () => {
    const a = analyzePosting(
      '算法工程师\n任职要求：\n1. 熟悉 PyTorch\n2. 有容器编排经验者优先\n3. 熟悉数据库，有智能体经验优先\n4. 熟悉统计\n',
      c,
    );
    expect(skill(a, 'pytorch')?.required).toBe(true);
    expect(skill(a, 'kubernetes')?.required).toBe(false);
    expect(skill(a, 'sql')?.required).toBe(true);
    expect(skill(a, 'llm-agents')?.required).toBe(false);
    expect(skill(a, 'statistics')?.required).toBe(true);
  });

  it('reads "A or B" and 或 as one ask that either skill answers', () => {
    const zh = analyzePosting('算法工程师\n任职要求：熟悉 PyTorch 或 TensorFlow；熟悉数据库。', c);
    expect(skill(zh, 'pytorch')?.alternatives).toEqual(['tensorflow']);
    expect(skill(zh, 'tensorflow')?.alternatives).toEqual(['pytorch']);
    expect(skill(zh, 'sql')?.alternatives).toBeUndefined();
    const progress: ProgressState = {
      skills: new Map([['pytorch', 'done']]),
      items: new Map(),
      logged: [],
      loggedByItem: new Map(),
    };
    const ready = analyzePosting('算法工程师\n任职要求：熟悉 PyTorch 或 TensorFlow；熟悉数据库。', c, { progress });
    // Two asks (either framework; a database), both required: PyTorch answers the first.
    expect(ready.readiness).toBeCloseTo(2 / 4, 3);
    expect(ready.gaps.map((g) => g.id)).toEqual(['sql']);
    // Without either, the gap is the one the curriculum teaches, with the other named as accepted instead.
    expect(zh.gaps).toEqual([
      { id: 'pytorch', title: 'pytorch', weight: 2, alternatives: [{ id: 'tensorflow', title: 'TensorFlow' }] },
      { id: 'sql', title: 'sql', weight: 2 },
    ]);
  });

  it('groups a list that ends in "or", and keeps lists joined by "and" as separate asks', () => {
    const either = analyzePosting('ML Engineer\nRequirements: SQL, PyTorch, or TensorFlow.', c);
    expect(skill(either, 'sql')?.alternatives).toEqual(['pytorch', 'tensorflow']);
    const both = analyzePosting('ML Engineer\nRequirements: SQL, Python and PyTorch/TensorFlow.', c);
    expect(skill(both, 'sql')?.alternatives).toBeUndefined();
    expect(skill(both, 'python')?.alternatives).toBeUndefined();
    expect(skill(both, 'pytorch')?.alternatives).toEqual(['tensorflow']);
    // A skill also asked on its own is asked on its own.
    const alone = analyzePosting('ML Engineer\nRequirements: PyTorch or TensorFlow. Deep PyTorch experience.', c);
    expect(skill(alone, 'pytorch')?.alternatives).toBeUndefined();
    expect(alone.gaps.map((g) => g.id)).toEqual(['pytorch', 'tensorflow']);
  });

  it('counts a skill asked both ways as required', () => {
    const a = analyzePosting('ML Engineer\nRequirements: PyTorch.\nNice to have: PyTorch at scale.', c);
    expect(skill(a, 'pytorch')?.required).toBe(true);
    expect(skill(a, 'pytorch')?.spans).toHaveLength(2);
  });
});

describe('analyzePosting: role, seniority, readiness, gaps', () => {
  it('decides the role from the title first, with a confidence and the phrases that decided it', () => {
    const a = analyzePosting('Senior Data Scientist\nA/B testing, SQL, experimentation with Python.', c);
    expect(a.role.id).toBe('data-scientist');
    expect(a.role.confidence).toBeGreaterThan(0.5);
    expect(a.role.confidence).toBeLessThanOrEqual(1);
    expect(a.role.evidence).toContain('title: "Data Scientist"');
    expect(a.role.evidence.some((e) => e.startsWith('skills: '))).toBe(true);
  });

  it('falls back on the skills asked when no phrase names a role', () => {
    const a = analyzePosting('We are hiring.\nWork on agents, tool calling and a vector database with Python.', c);
    expect(a.role.id).toBe('ai-engineer');
    expect(a.role.evidence).toEqual(['skills: llm-agents, vector-databases, python']);
  });

  it('reads seniority from the title, then from the years asked', () => {
    expect(analyzePosting('Staff ML Engineer\nPython.', c).seniority).toBe('lead');
    expect(analyzePosting('ML Engineer intern\nPython.', c).seniority).toBe('intern');
    expect(analyzePosting('ML Engineer\n5+ years of Python.', c).seniority).toBe('senior');
    expect(analyzePosting('算法工程师\n3年以上工作经验，Python。', c).seniority).toBe('mid');
    expect(decideSeniority(textViews('ML Engineer\nPython').folded, 11)).toBe('mid');
  });

  it('measures readiness by what the posting asks and ranks gaps required first', () => {
    const text = 'ML Engineer\nRequirements: Python, PyTorch, deploy models, Java.\nNice to have: Kubernetes.';
    const progress: ProgressState = {
      skills: new Map([['pytorch', 'done']]),
      items: new Map(),
      logged: [],
      loggedByItem: new Map(),
    };
    const a = analyzePosting(text, c, { progress, known: ['python'] });
    // Asked: python 2, pytorch 2, model-deployment 2, java 2, kubernetes 1 = 9; done: python, pytorch = 4.
    expect(a.readiness).toBeCloseTo(4 / 9, 3);
    expect(a.gaps).toEqual([
      { id: 'model-deployment', title: 'model-deployment', weight: 2 },
      { id: 'java', title: 'Java', weight: 2 },
      { id: 'kubernetes', title: 'kubernetes', weight: 1 },
    ]);
    expect(analyzePosting(text, c).readiness).toBe(0);
  });

  it('names skills in the locale asked for', () => {
    const a = analyzePosting('ML Engineer. Python.', c, { locale: 'zh-CN' });
    expect(skill(a, 'python')?.title).toBe('中python');
  });

  it('is deterministic: the same text gives the same analysis', () => {
    const text = 'AI Engineer\nagents, MCP, vector database, Python; K8s is a plus.';
    expect(analyzePosting(text, c)).toEqual(analyzePosting(text, jobsCurriculum()));
  });
});

describe('analyzePosting: bad input', () => {
  const kindOf = (text: string): string | undefined => {
    try {
      analyzePosting(text, c);
      return undefined;
    } catch (error) {
      if (!isMlpathError(error)) throw error;
      expect(error.code).toBe('INVALID_INPUT');
      return error.problems[0]?.message;
    }
  };
  it('refuses empty, binary, overlong and foreign texts with a code', () => {
    expect(kindOf('   \n ')).toBe('empty');
    expect(kindOf('ML\u0000\u0001 engineer')).toBe('binary');
    expect(kindOf('Python engineer. '.repeat(300_000))).toBe('too-long');
    expect(
      kindOf('Nous recherchons un ingénieur en apprentissage automatique pour notre équipe de données à Paris.'),
    ).toBe('unsupported-language');
    expect(kindOf('機械学習エンジニアを募集しています。Pythonの経験が必要です。')).toBe('unsupported-language');
  });
});
