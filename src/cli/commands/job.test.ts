/**
 * `mlpath job ...` and `mlpath plan --jobs` run in process against a fresh MLPATH_HOME and the shipped
 * curriculum, reading what a user would see.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite.js';
import { databaseFile } from '../../store/open.js';
import { memoryIo } from '../io.js';
import { main } from '../main.js';
import { SHIPPED_CURRICULUM } from '../paths.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const POSTING = `# Machine Learning Engineer

## Requirements
- Strong Python and SQL
- Train and deploy models with PyTorch; serve them with Docker
- Experience with CI/CD and monitoring models in production

## Nice to have
- Experience with LLM fine-tuning
- Rust is a plus
`;

const homes: TestHome[] = [];
function fresh(): TestHome {
  const home = testHome('2026-11-30T12:00:00.000Z');
  homes.push(home);
  return home;
}
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

const shipped = { MLPATH_CURRICULUM: SHIPPED_CURRICULUM };
function file(home: TestHome, name: string, content: string | Buffer): string {
  const path = join(home.dir, name);
  writeFileSync(path, content);
  return path;
}

async function keptIds(home: TestHome): Promise<string[]> {
  const store = await openSqliteStore(databaseFile(home.env()));
  try {
    return (await store.listPostings('local')).map((p) => p.id);
  } finally {
    await store.close();
  }
}

describe('mlpath job analyze', () => {
  it('prints the analysis as JSON in the contract shape, offsets into the file as read', async () => {
    const home = fresh();
    const path = file(home, 'mle.md', POSTING);
    const run = await home.run(['job', 'analyze', path, '--json'], shipped);
    expect(run.status).toBe(0);
    const a = JSON.parse(run.stdout) as {
      role: { id: string; confidence: number; evidence: string[] };
      skills: {
        id: string;
        taught: boolean;
        required: boolean;
        spans: { start: number; end: number; text: string }[];
      }[];
      readiness: number;
      gaps: { id: string; weight: number }[];
    };
    expect(Object.keys(a)).toEqual(['role', 'seniority', 'skills', 'readiness', 'gaps']);
    expect(a.role.id).toBe('ml-engineer');
    for (const s of a.skills) for (const span of s.spans) expect(POSTING.slice(span.start, span.end)).toBe(span.text);
    expect(a.skills.find((s) => s.id === 'rust')).toMatchObject({ taught: false, required: false });
    expect(a.gaps.find((g) => g.id === 'pytorch')?.weight).toBe(2);
  });

  it('reads standard input with - and speaks Chinese', async () => {
    const home = fresh();
    const io = memoryIo({ env: home.env({ ...shipped, MLPATH_LANG: 'zh-CN' }), cwd: home.dir, stdin: POSTING });
    expect(await main(['job', 'analyze', '-'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^岗位：机器学习工程师（ml-engineer）/);
    expect(io.stdout()).toContain('PyTorch (pytorch) · 必需');
    expect(io.stdout()).toContain('Rust (rust) · 加分项 · 本课程不教');
  });
});

describe('bad input: a clear message, exit status 2, nothing stored', () => {
  const cases: Array<[string, string | Buffer, RegExp, RegExp]> = [
    ['empty.txt', '', /the posting is empty/, /职位描述是空的/],
    [
      'logo.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
      /not text/,
      /不是文本/,
    ],
    [
      'huge.txt',
      'Machine learning engineer with Python. '.repeat(135_000),
      /too long \(5265000 characters; the limit is 100000\)/,
      /太长/,
    ],
    [
      'fr.txt',
      'Ingénieur en apprentissage automatique. Nous cherchons une personne pour la conception et le déploiement des modèles avec les équipes de données.',
      /in a language other than English or Chinese/,
      /不是英文或中文/,
    ],
  ];
  for (const [name, content, en, zh] of cases) {
    it(`${name}`, async () => {
      const home = fresh();
      const path = file(home, name, content);
      const english = await home.run(['job', 'add', path], shipped);
      expect(english.status).toBe(2);
      expect(english.stderr).toMatch(en);
      expect(english.stderr).toContain(name);
      expect(english.stderr).toContain('nothing was stored');
      expect(english.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      const chinese = await home.run(['job', 'analyze', path], { ...shipped, MLPATH_LANG: 'zh-CN' });
      expect(chinese.status).toBe(2);
      expect(chinese.stderr).toMatch(zh);
      expect(await keptIds(home)).toEqual([]);
    });
  }

  it('a missing file is named, with the fix', async () => {
    const home = fresh();
    const run = await home.run(['job', 'add', 'nowhere.md'], shipped);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nowhere.md: no such file');
    expect(run.stderr).toContain('or - to read it from standard input');
  });
});

describe('mlpath job add|list|remove and plan --jobs', () => {
  it('keeps a posting once, lists it, plans toward it and removes it', async () => {
    const home = fresh();
    expect((await home.run(['init', '--start-point', 'developer', '--yes'], shipped)).status).toBe(0);
    const path = file(home, 'mle.md', POSTING);
    const added = await home.run(['job', 'add', path], shipped);
    expect(added.status).toBe(0);
    const [id] = await keptIds(home);
    expect(added.stdout).toContain(`Kept as a target job: ${id} · Machine Learning Engineer`);
    const again = await home.run(['job', 'add', path], shipped);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`the posting "${id}" is already kept`);

    const list = await home.run(['job', 'list'], shipped);
    expect(list.stdout).toMatch(
      new RegExp(
        `^${id}  Machine Learning Engineer · Machine-learning engineer · readiness \\d+% · \\d+ gaps · kept 2026-11-30\\n$`,
      ),
    );
    const listZh = await home.run(['job', 'list'], { ...shipped, MLPATH_LANG: 'zh-CN' });
    expect(listZh.stdout).toContain('机器学习工程师 · 准备度');

    const plan = await home.run(['plan', '--jobs'], shipped);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(
      /^Toward your target job: finish on \d{4}-\d{2}-\d{2} instead of \d{4}-\d{2}-\d{2} \((\d+ days (earlier|later)|the same day)\)\./,
    );
    expect(plan.stdout).toContain('Not taught here, left out of the plan: Rust');
    expect(plan.stdout).toContain('Your plan:');
    const json = JSON.parse((await home.run(['plan', '--jobs', '--json'], shipped)).stdout) as {
      goal: { id: string }[];
      finishDate: { current: string; withJobs: string };
      movedDays: number;
      plan: { finishDate: string; skills: string[] };
    };
    expect(json.goal.map((g) => g.id)).toContain('pytorch');
    expect(json.plan.skills).toContain('pytorch');
    expect(json.plan.finishDate).toBe(json.finishDate.withJobs);
    const zh = await home.run(['plan', '--jobs'], { ...shipped, MLPATH_LANG: 'zh-CN' });
    expect(zh.stdout).toMatch(/^面向你的目标职位：完成日期为/);

    const removed = await home.run(['job', 'remove', id ?? ''], shipped);
    expect(removed.stdout).toBe(`Target job removed: ${id}\n`);
    expect((await home.run(['job', 'list'], shipped)).stdout).toContain('No target jobs yet');
    const gone = await home.run(['job', 'remove', id ?? ''], { ...shipped, MLPATH_LANG: 'zh-CN' });
    expect(gone.status).toBe(2);
    expect(gone.stderr).toContain(`没有保存过编号为“${id}”的职位`);
    const none = await home.run(['plan', '--jobs'], shipped);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no target jobs kept yet');
    const noneZh = await home.run(['plan', '--jobs'], { ...shipped, MLPATH_LANG: 'zh-CN' });
    expect(noneZh.stderr).toContain('还没有保存任何目标职位');
    expect(noneZh.stderr).toContain('用 `mlpath job add 文件` 保存一份职位描述');
  });

  it('round-trips kept postings through export and import', async () => {
    const source = fresh();
    await source.run(['job', 'add', file(source, 'mle.md', POSTING)], shipped);
    const backup = join(source.dir, 'backup.json');
    expect((await source.run(['export', '--format', 'json', '-o', backup], shipped)).status).toBe(0);
    const target = fresh();
    expect((await target.run(['import', backup], shipped)).status).toBe(0);
    expect(await keptIds(target)).toEqual(await keptIds(source));
    expect(await keptIds(target)).toHaveLength(1);
  });
});
