import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TODAY = '2026-11-27'; // a Friday: the default start is that day, its week holding three days' share of the hours
// An empty data folder: no stored profile or progress, so flags and defaults alone decide.
const HOME = mkdtempSync(join(tmpdir(), 'mlpath-plan-test-'));
const ENV = { MLPATH_TODAY: TODAY, MLPATH_HOME: HOME };
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

async function runAs(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ env: ENV });
  const code = await main(['plan', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** `mlpath plan` from the from-scratch defaults unless the case names its starting point (there is no stored profile). */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runAs(argv.includes('--start-point') ? argv : ['--start-point', 'from-scratch', ...argv]);
}

async function json(...argv: string[]): Promise<Record<string, unknown> & { [k: string]: never }> {
  const r = await run(...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as never;
}

interface JsonPlan {
  route: string;
  hoursPerWeek: number;
  totalHours: number;
  startDate: string;
  finishDate: string;
  weekCount: number;
  milestones: { stage: string; date: string }[];
  weeks: {
    start: string;
    off: boolean;
    hours: number;
    tasks: { resource: string; unit?: string; hours: number; kind: string; skills: string[] }[];
  }[];
  skills: string[];
  resources: string[];
  explanations: { kind: string; subject: string; text: Record<string, string> }[];
  profile: { startingPoint: string; style: string; domain?: string; marketReady?: boolean };
  marketReady?: { articleFinishDate: string; extraWeeks: number; addedSkills: string[] };
}

const plan = async (...argv: string[]): Promise<JsonPlan> => (await json(...argv)) as unknown as JsonPlan;

describe('mlpath plan --json', () => {
  it('prints the plan with the documented keys', async () => {
    const p = await plan('--start-point', 'developer');
    for (const key of [
      'route',
      'hoursPerWeek',
      'totalHours',
      'startDate',
      'finishDate',
      'weekCount',
      'milestones',
      'weeks',
      'skills',
      'explanations',
    ]) {
      expect(p).toHaveProperty(key);
    }
    expect(p.route).toBe('software-first');
    expect(p.hoursPerWeek).toBe(12);
    expect(p.weekCount).toBe(p.weeks.length);
    expect(p.milestones.map((m) => m.stage)).toEqual(expect.arrayContaining(['deep-learning', 'ready', 'job-search']));
    for (const m of p.milestones) expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const task = p.weeks[0]?.tasks[0];
    expect(task).toEqual(expect.objectContaining({ resource: expect.any(String), hours: expect.any(Number) }));
    expect(p.weeks[0]).toHaveProperty('start');
    expect(p.skills).toContain('pytorch');
    expect(p.skills).not.toContain('python-basics'); // a developer knows it
    expect(p.explanations.every((e) => e.text['en'] && e.text['zh-CN'])).toBe(true);
  });

  it('starts today unless --start says otherwise', async () => {
    expect((await plan('--start-point', 'developer')).startDate).toBe(TODAY);
    expect((await plan('--start-point', 'developer', '--start', '2027-03-03')).startDate).toBe('2027-03-03');
  });

  it('plans from the from-scratch defaults with --start-point from-scratch', async () => {
    const p = await plan();
    expect(p.profile.startingPoint).toBe('from-scratch');
    expect(p.skills).toContain('python-basics');
  });

  it('without --start-point and without a saved profile, says so and how to make one', async () => {
    const r = await runAs(['--hours', '8']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('there is no saved profile yet');
    expect(r.err).toContain('mlpath init');
    expect(r.err).toContain('--start-point');
  });

  it('honours MLPATH_NOW, and refuses an invalid MLPATH_TODAY or MLPATH_NOW', async () => {
    const at = async (env: Record<string, string>) => {
      const io = memoryIo({ env: { ...ENV, ...env } });
      const code = await main(['plan', '--start-point', 'developer', '--json'], io);
      return { code, out: io.stdout(), err: io.stderr() };
    };
    const now = await at({ MLPATH_NOW: '2027-01-06T09:00:00Z' });
    expect((JSON.parse(now.out) as JsonPlan).startDate).toBe('2027-01-06');
    const badToday = await at({ MLPATH_TODAY: 'soon' });
    expect(badToday.code).toBe(2);
    expect(badToday.err).toContain('MLPATH_TODAY is not a date between the years 2000 and 2100: "soon"');
    const badNow = await at({ MLPATH_NOW: 'later' });
    expect(badNow.code).toBe(2);
    expect(badNow.err).toContain('MLPATH_NOW is not an ISO instant between the years 2000 and 2100: "later"');
    // Far in the future, dates computed from now would run past year 9999: refused, not a crash.
    const farNow = await at({ MLPATH_NOW: '9999-12-30T00:00:00Z' });
    expect(farNow.code).toBe(2);
    expect(farNow.err).toContain('between the years 2000 and 2100');
  });

  it('honours --hours, --style, --domain, --known, --route and --target', async () => {
    expect((await plan('--hours', '7.5')).hoursPerWeek).toBe(7.5);
    expect((await plan('--style', 'university')).resources).toContain('nyu-deep-learning');
    expect((await plan('--domain', 'computer-vision')).resources).toContain('hf-computer-vision-course');
    expect((await plan('--known', 'python-basics,calculus')).skills).not.toContain('calculus');
    expect((await plan('--route', 'data-science-first')).route).toBe('data-science-first');
    const target = await plan('--target', 'backpropagation');
    expect(target.skills[target.skills.length - 1]).toBe('backpropagation');
    expect(target.milestones.map((m) => m.stage)).not.toContain('job-search');
  });

  it('says when the domain it plans was not chosen (the first), and not when it was', async () => {
    const unchosen = await run();
    expect(unchosen.out).toContain(
      'domain: Natural language and large language models (none chosen, so the first; --domain chooses)',
    );
    const chosen = await run('--domain', 'computer-vision');
    expect(chosen.out).toMatch(/domain: Computer vision\n/);
    expect(chosen.out).not.toContain('none chosen');
  });

  it('plans the rest of what postings ask with --market-ready, and says how much longer it takes', async () => {
    const article = await plan('--target', 'mlops-engineer');
    const market = await plan('--target', 'mlops-engineer', '--market-ready');
    expect(article.skills).not.toContain('kubernetes');
    expect(market.skills).toContain('kubernetes');
    expect(market.profile.marketReady).toBe(true);
    expect(market.marketReady?.articleFinishDate).toBe(article.finishDate);
    expect(market.marketReady?.extraWeeks).toBe(market.weekCount - article.weekCount);
    expect(market.marketReady?.addedSkills).toContain('kubernetes');
    const text = await run('--target', 'mlops-engineer', '--market-ready');
    expect(text.out).toContain(`${market.marketReady?.extraWeeks} weeks`);
    expect(text.out).toContain('Kubernetes and Helm');
    const zh = await run('--target', 'mlops-engineer', '--market-ready', '--locale', 'zh-CN');
    expect(zh.out).toMatch(/市场就绪：比原文的计划多 \d+ 周/);
  });

  it('takes only free resources with --free-only (Coursera specialisations are paid since audit ended)', async () => {
    const p = await plan('--free-only');
    expect(p.resources).not.toContain('dead-simple-python');
    expect(p.resources).not.toContain('designing-ml-systems');
    expect(p.resources).not.toContain('ml-specialization');
    expect(p.resources).not.toContain('deep-learning-specialization');
    expect(p.resources).toContain('islp');
    expect((await plan()).resources).toContain('ml-specialization');
  });

  it('keeps the weeks given with --weeks-off free of study', async () => {
    const p = await plan('--start', '2027-01-04', '--weeks-off', '2027-01-11..2027-01-24,2027-03-01..2027-03-07');
    const off = p.weeks.filter((w) => w.off).map((w) => w.start);
    expect(off).toEqual(['2027-01-11', '2027-01-18', '2027-03-01']);
    for (const w of p.weeks.filter((x) => x.off)) expect(w.tasks).toEqual([]);
  });

  it('honours --pin, --exclude and --swap', async () => {
    expect((await plan('--pin', 'd2l')).resources).toContain('d2l');
    expect((await plan('--exclude', 'kaggle-learn')).resources).not.toContain('kaggle-learn');
    const swapped = await plan('--swap', 'python-mooc-helsinki=cs50p');
    expect(swapped.resources).toContain('cs50p');
    expect(swapped.resources).not.toContain('python-mooc-helsinki');
  });

  it("meets the article's durations for each starting point's defaults", async () => {
    const months = (p: JsonPlan, stage: string): number => {
      const date = p.milestones.find((m) => m.stage === stage)?.date ?? p.startDate;
      return (Date.parse(date) - Date.parse(p.startDate)) / (86_400_000 * 30.436875);
    };
    const scratch = months(await plan('--start-point', 'from-scratch'), 'ready');
    expect(scratch).toBeGreaterThanOrEqual(16);
    expect(scratch).toBeLessThanOrEqual(20);
    const developer = months(await plan('--start-point', 'developer'), 'deep-learning');
    expect(developer).toBeGreaterThanOrEqual(5);
    expect(developer).toBeLessThanOrEqual(7.5);
    const scientist = months(await plan('--start-point', 'data-scientist'), 'ready');
    expect(scientist).toBeGreaterThanOrEqual(2);
    expect(scientist).toBeLessThanOrEqual(5);
  });

  it('reads another curriculum folder with --curriculum', async () => {
    const p = await plan('--curriculum', 'curricula/ml-engineer', '--start-point', 'data-scientist');
    expect(p.route).toBe('data-science-first');
  });
});

describe('mlpath plan as text', () => {
  it('prints a readable week-by-week plan with milestones and reasons', async () => {
    const r = await run('--start-point', 'developer');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Your plan: Software-engineering route');
    expect(r.out).toContain('Milestones');
    expect(r.out).toContain(`Week 1 · ${TODAY}`);
    expect(r.out).toContain('Why these resources');
    expect(r.out).toContain('Job-ready');
  });

  it('prints the plan in Chinese with --locale zh-CN', async () => {
    const r = await run('--start-point', 'developer', '--locale', 'zh-CN');
    expect(r.code).toBe(0);
    expect(r.out).toContain('你的学习计划');
    expect(r.out).toContain('里程碑');
    expect(r.out).toContain('第 1 周');
    expect(r.out).toContain('为什么选这些资源');
    expect(r.out).toContain('深度学习');
    expect(r.out).toContain('各领域学时');
    expect(r.out).not.toMatch(/Week \d|Milestones|Why these|Hours by area|career \d/);
  });
});

describe('mlpath plan: a finish past the horizon', () => {
  it('says so among the notes, in English and Chinese, and a plan within it says nothing', async () => {
    const far = await run('--hours', '0.5');
    expect(far.code).toBe(0);
    const finish = /^From \S+ to (\S+):/m.exec(far.out)?.[1] ?? '';
    expect(finish > '2036-11-27').toBe(true);
    const notes = far.out.slice(far.out.indexOf('\nHow the plan was made\n'));
    expect(notes).toMatch(
      new RegExp(
        `^  - At 0\\.5 h a week this plan runs about \\d+ years, to ${finish}: more than 10 years ahead, its dates are unlikely to hold`,
        'm',
      ),
    );
    const zh = await run('--hours', '0.5', '--locale', 'zh-CN');
    expect(zh.out).toContain(`按每周 0.5 小时计，这份计划约需`);
    expect(zh.out).toContain(`到 ${finish} 才完成：超过 10 年`);
    const near = await run('--hours', '20');
    expect(near.out).not.toContain('years ahead');
    expect((await plan('--hours', '20')).explanations.some((e) => e.subject === 'horizon')).toBe(false);
  });
});

describe('mlpath plan with bad input', () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      'an unknown starting point',
      ['--start-point', 'develper'],
      /--start-point: unknown starting point "develper"; did you mean "developer"\? Valid choices: from-scratch/,
    ],
    ['an unknown known skill', ['--known', 'pyton'], /--known: unknown skill "pyton"; did you mean "python-basics"/],
    [
      'an unknown style',
      ['--style', 'visual'],
      /--style: unknown learning style "visual"\. Valid choices: structured, university, practical/,
    ],
    ['an unknown domain', ['--domain', 'nlpp'], /--domain: unknown domain "nlpp"; did you mean "nlp"\?/],
    [
      'an unknown target',
      ['--target', 'nowhere'],
      /--target: unknown role or skill "nowhere"\. Valid choices: a role \(ml-engineer/,
    ],
    ['an unknown route', ['--route', 'fast'], /--route: unknown route "fast"/],
    ['zero hours', ['--hours', '0'], /--hours: 0 is out of range/],
    ['negative hours', ['--hours', '-3'], /--hours: -3 is out of range/],
    ['too many hours', ['--hours', '101'], /--hours: 101 is out of range/],
    ['hours that are not a number', ['--hours', 'lots'], /--hours: "lots" is not a number/],
    ['a start that is not a date', ['--start', '2027-02-30'], /--start: "2027-02-30" is not a date/],
    [
      'weeks off that are not a range',
      ['--weeks-off', '2027-01-01'],
      /--weeks-off: "2027-01-01" is not a range of dates/,
    ],
    [
      'weeks off that end before they start',
      ['--weeks-off', '2027-02-01..2027-01-01'],
      /--weeks-off: "2027-02-01\.\.2027-01-01" ends before it starts/,
    ],
    [
      'weeks off of decades (a mistyped year)',
      ['--weeks-off', '2027-01-04..2072-01-10'],
      /--weeks-off: "2027-01-04\.\.2072-01-10" is longer than 366 days off; check the year/,
    ],
    ['an unknown locale', ['--locale', 'fr'], /--locale: unknown locale "fr"/],
    [
      'an unknown resource to exclude',
      ['--exclude', 'cs50'],
      /--exclude: unknown resource "cs50"; did you mean "cs50p", "cs50x"\?/,
    ],
    [
      'an unreachable target',
      ['--target', 'self-supervised-learning', '--exclude', 'nyu-deep-learning'],
      /--target: target self-supervised-learning cannot be reached/,
    ],
    [
      'an exclusion that leaves a skill untaught',
      ['--exclude', 'cs50x'],
      /--exclude: target ml-engineer cannot be reached: no resource you allow teaches computing-basics/,
    ],
  ];
  for (const [what, argv, message] of cases) {
    it(`rejects ${what}, naming the flag, with nothing on stdout`, async () => {
      const r = await run(...argv, '--json');
      expect(r.code).not.toBe(0);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    });
  }

  it('reports the bad flag in Chinese with --locale zh-CN', async () => {
    const r = await run('--style', 'visual', '--locale', 'zh-CN');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--style：未知的学习风格“visual”');
  });
});

describe('mlpath plan as a process', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('prints the developer plan as JSON', () => {
    const r = spawnSync('node', ['bin/mlpath.js', 'plan', '--start-point', 'developer', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], ...ENV },
    });
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout) as JsonPlan;
    expect(p.route).toBe('software-first');
    expect(p.startDate).toBe(TODAY);
    expect(p.milestones.find((m) => m.stage === 'deep-learning')).toBeDefined();
  });

  it('exits non-zero with a message on stderr for a bad flag', () => {
    const r = spawnSync('node', ['bin/mlpath.js', 'plan', '--start-point', 'from-scratch', '--hours', '0'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], ...ENV },
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--hours');
  });
});

describe('mlpath plan: the language', () => {
  async function runIn(
    env: Record<string, string>,
    ...argv: string[]
  ): Promise<{ code: number; out: string; err: string }> {
    const io = memoryIo({ env: { ...ENV, ...env } });
    const code = await main(['plan', '--start-point', 'from-scratch', ...argv], io);
    return { code, out: io.stdout(), err: io.stderr() };
  }

  it('writes the plan in Chinese with MLPATH_LANG=zh-CN, or with a Chinese system locale', async () => {
    expect((await runIn({ MLPATH_LANG: 'zh-CN' })).out).toMatch(/^你的学习计划：/);
    expect((await runIn({ LANG: 'zh_CN.UTF-8' })).out).toMatch(/^你的学习计划：/);
    expect((await runIn({ LANG: 'en_US.UTF-8' })).out).toMatch(/^Your plan: /);
  });

  it('lets --locale win over MLPATH_LANG', async () => {
    expect((await runIn({ MLPATH_LANG: 'zh-CN' }, '--locale', 'en')).out).toMatch(/^Your plan: /);
    expect((await runIn({ MLPATH_LANG: 'en' }, '--locale', 'zh-CN')).out).toMatch(/^你的学习计划：/);
  });
});

describe('mlpath plan without --curriculum', () => {
  it("plans from MLPATH_CURRICULUM's folder, as init, today and status do, with the profile they stored", async () => {
    // A copy of the shipped curriculum with CS50's title changed, so the plan shows which one it read.
    const dir = mkdtempSync(join(tmpdir(), 'mlpath-plan-curriculum-'));
    const home = mkdtempSync(join(tmpdir(), 'mlpath-plan-home-'));
    try {
      const copy = join(dir, 'ml-engineer');
      cpSync(join(ROOT, 'curricula/ml-engineer'), copy, { recursive: true });
      const resources = join(copy, 'resources/01-code.yaml');
      const text = readFileSync(resources, 'utf8');
      const title = `title: "CS50x: CS50's Introduction to Computer Science"`;
      expect(text).toContain(title);
      writeFileSync(resources, text.replace(title, 'title: "CS50x (copy)"'));
      const env = { MLPATH_TODAY: TODAY, MLPATH_HOME: home, MLPATH_CURRICULUM: copy };
      const cli = async (...argv: string[]) => {
        const io = memoryIo({ env });
        const code = await main(argv, io);
        return { code, out: io.stdout(), err: io.stderr() };
      };
      expect((await cli('init', '--yes', '--start-point', 'from-scratch')).code).toBe(0);
      const plan = await cli('plan');
      expect(plan.err).toBe('');
      expect(plan.code).toBe(0);
      expect(plan.out).toContain('CS50x (copy)');
      expect((await cli('week')).out).toContain('CS50x (copy)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
