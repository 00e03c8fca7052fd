/**
 * The embedded store under faults, through the command line: a damaged file (doctor finds it,
 * export still works, writes are refused and write nothing, restore brings a backup back), a
 * 0-byte file, and a read-only folder (a real one: the CLI runs as an unprivileged user when the
 * tests run as root, since root writes through any permission).
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/plan-model.js';
import { databaseFile } from '../../store/open.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { listBackups } from '../../store/sqlite-backups.js';
import { spawnCli } from '../test-support/spawn-cli.js';
import { testHome } from '../test-support/home.js';
import type { TestHome } from '../test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) {
    chmodRecursive(h.dir, 0o755);
    h.remove();
  }
});

function fresh(): TestHome {
  const home = testHome('2026-11-30T08:00:00.000Z');
  homes.push(home);
  return home;
}

function chmodRecursive(dir: string, mode: number): void {
  try {
    chmodSync(dir, mode);
    chmodSync(join(dir, 'home'), mode);
  } catch {
    // already gone
  }
}

async function ok(home: TestHome, args: string[], extra?: Record<string, string>): Promise<string> {
  const result = await home.run(args, extra);
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function learnerWithHistory(home: TestHome): Promise<string> {
  await ok(home, ['init', '--yes', '--start-point', 'from-scratch', '--hours', '10', '--start', '2026-11-30']);
  // The second command opens a store holding data: today's backup is made (profile, no hours yet).
  await ok(home, ['log', '1', '--on', 'cs50p']);
  await ok(home, ['log', '2', '--on', 'cs50p']);
  const file = databaseFile(home.env());
  // A large plan snapshot last, so that damage in the file's last pages spares what a backup holds.
  const store = await openSqliteStore(file);
  const bulky = { padding: 'x'.repeat(200_000) } as unknown as Plan;
  await store.savePlanSnapshot('local', {
    id: 'big',
    at: '2026-11-30T08:00:00.000Z',
    reason: 'test',
    finishDate: '2030-01-01',
    plan: bulky,
  });
  await store.close();
  return file;
}

function damageTail(file: string, pages: number): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  const count = bytes.length / pageSize;
  bytes.fill(0x5a, (count - pages) * pageSize + 8, count * pageSize);
  writeFileSync(file, bytes);
}

describe('a damaged store from the command line', () => {
  it('doctor names the damage, export works, a write is refused in both languages and writes nothing, restore brings the backup back', async () => {
    const home = fresh();
    const file = await learnerWithHistory(home);
    const healthy = await home.run(['doctor']);
    expect(healthy.status, healthy.stderr).toBe(0);
    expect(healthy.stdout).toContain('Integrity check: ok');
    expect(healthy.stdout).toContain('No problems found.');

    damageTail(file, 20);
    const damaged = readFileSync(file);

    const doctor = await home.run(['doctor']);
    expect(doctor.status).toBe(3);
    expect(doctor.stdout).toMatch(/Integrity check: (?!ok)/);
    expect(doctor.stdout).toContain('the file is damaged');
    expect(doctor.stderr).toContain('has problems: damaged');
    const json = JSON.parse((await home.run(['doctor', '--json'])).stdout) as {
      problems: string[];
      backups: unknown[];
    };
    expect(json.problems).toContain('damaged');
    expect(json.backups).toHaveLength(1);

    const backup = JSON.parse(await ok(home, ['export', '--format', 'json'])) as { events: unknown[] };
    expect(backup.events).toHaveLength(2);

    const write = await home.run(['log', '1', '--on', 'cs50p']);
    expect(write.status).toBe(3);
    expect(write.stderr).toMatch(/is damaged \(.+\); nothing was written to it/);
    expect(write.stderr).toContain('`mlpath restore`');
    expect(write.stderr).not.toContain('is not an mlpath database');
    expect(write.stderr).not.toMatch(/\n\s+at /);
    const zh = await home.run(['log', '1', '--on', 'cs50p'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.status).toBe(3);
    expect(zh.stderr).toContain('已损坏');
    expect(zh.stderr).toContain('mlpath restore');
    expect(readFileSync(file).equals(damaged)).toBe(true);

    const list = await ok(home, ['restore']);
    const [made] = listBackups(file);
    expect(made).toBeDefined();
    expect(list).toContain(made?.name);
    const restored = await ok(home, ['restore', made?.day ?? '']);
    expect(restored).toContain(`Restored ${made?.name}.`);
    const aside = /kept as (.+)\.$/m.exec(restored)?.[1] ?? '';
    expect(readFileSync(aside).equals(damaged)).toBe(true);

    // The backup was made before any hours were logged: the store is back there, and writes again.
    await ok(home, ['log', '1', '--on', 'cs50p']);
    const after = JSON.parse(await ok(home, ['export', '--format', 'json'])) as { events: unknown[] };
    expect(after.events).toHaveLength(1);
    expect((await home.run(['doctor'])).status).toBe(0);
  }, 120_000);

  it('restore names a backup that does not exist and changes nothing', async () => {
    const home = fresh();
    const none = await home.run(['restore']);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('No backups yet');
    const missing = await home.run(['restore', '2020-01-01']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('there is no backup "2020-01-01"');
    const zh = await home.run(['restore', '2020-01-01'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.stderr).toContain('没有名为“2020-01-01”的备份');
  });
});

describe('a 0-byte database file', () => {
  it('is refused with its cause named, and stays empty', async () => {
    const home = fresh();
    await ok(home, ['init', '--yes', '--start-point', 'from-scratch']);
    const file = databaseFile(home.env());
    writeFileSync(file, '');
    const result = await home.run(['status']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('is empty (0 bytes): it was not taken for a new store');
    expect(result.stderr).toContain('mlpath restore');
    const zh = await home.run(['status'], { MLPATH_LANG: 'zh-CN' });
    expect(zh.stderr).toContain('是空文件（0 字节）');
    expect(statSync(file).size).toBe(0);
    const doctor = await home.run(['doctor']);
    expect(doctor.status).toBe(3);
    expect(doctor.stdout).toContain('the file is empty (0 bytes)');
  });
});

/** Run the CLI as a process; as root, as the unprivileged user 65534, for whom permissions hold. */
async function runAs(
  home: TestHome,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const asRoot = process.getuid?.() === 0;
  const child = spawnCli(args, {
    env: { ...process.env, ...home.env(), HOME: home.dir, DATABASE_URL: '' },
    ...(asRoot ? { uid: 65_534, gid: 65_534 } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { status, stdout, stderr };
}

describe('a read-only data folder', () => {
  it('still shows status and exports; a write says the store is read-only and writes nothing', async () => {
    const home = fresh();
    await ok(home, ['init', '--yes', '--start-point', 'from-scratch', '--hours', '10', '--start', '2026-11-30']);
    await ok(home, ['log', '1.5', '--on', 'cs50p']);
    const file = databaseFile(home.env());
    chmodSync(home.dir, 0o755);
    chmodSync(home.curriculum, 0o755);
    chmodSync(join(home.curriculum, 'fixture.yaml'), 0o644);
    chmodSync(file, 0o444);
    chmodSync(home.home, 0o555);
    const before = readFileSync(file);

    const exported = await runAs(home, ['export', '--format', 'json']);
    expect(exported.status, exported.stderr).toBe(0);
    expect((JSON.parse(exported.stdout) as { events: unknown[] }).events).toHaveLength(1);
    const status = await runAs(home, ['status']);
    expect(status.status, status.stderr).toBe(0);
    const write = await runAs(home, ['log', '1', '--on', 'cs50p']);
    expect(write.status).toBe(3);
    expect(write.stderr).toContain('is read-only; nothing was written (reading and export still work)');
    expect(write.stderr).not.toContain('is not an mlpath database');
    expect(readFileSync(file).equals(before)).toBe(true);
    const doctor = await runAs(home, ['doctor', '--json']);
    expect((JSON.parse(doctor.stdout) as { problems: string[] }).problems).toContain('read-only');
  }, 120_000);
});
