import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../io.js';
import { parsePort } from './serve.js';
import { spawnCli } from '../test-support/spawn-cli.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlpath-serve-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('parsePort', () => {
  it('accepts 0 to 65535 and names the source of a bad value', () => {
    expect(parsePort('4321', '--port')).toBe(4321);
    expect(parsePort('0', 'PORT')).toBe(0);
    expect(() => parsePort('80a', '--port')).toThrow('--port: "80a" is not a port number');
    expect(() => parsePort('70000', 'PORT')).toThrow('PORT: "70000" is not a port number');
    expect(() => parsePort('-1', '--port')).toThrow('--port');
  });
});

describe('mlpath serve', () => {
  it('exits with status 2 and names the flag for a bad --port, opening nothing', async () => {
    const io = memoryIo({ env: { MLPATH_HOME: home } });
    expect(await main(['serve', '--port', 'eighty'], io)).toBe(2);
    expect(io.stderr()).toContain('--port: "eighty" is not a port number');
  });

  it('says what is wrong with --port in Chinese with MLPATH_LANG=zh-CN', async () => {
    const io = memoryIo({ env: { MLPATH_HOME: home, MLPATH_LANG: 'zh-CN' } });
    expect(await main(['serve', '--port', 'eighty'], io)).toBe(2);
    expect(io.stderr()).toContain('--port：“eighty”不是端口号');
    expect(io.stderr()).toContain('请给出 0 到 65535 之间的整数（0 表示任选空闲端口）');
  });

  it('names PORT when the variable is bad', async () => {
    const io = memoryIo({ env: { MLPATH_HOME: home, PORT: 'x' } });
    expect(await main(['serve'], io)).toBe(2);
    expect(io.stderr()).toContain('PORT: "x" is not a port number');
  });

  it('serves on localhost with the embedded store, prints the URL and stops on SIGTERM', async () => {
    const child = spawnCli(['serve', '--port', '0'], {
      env: { ...process.env, MLPATH_HOME: home, DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true });
      const progress = await fetch(`${url}/api/progress`);
      expect(progress.status).toBe(200);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Type')).toContain('text/html');
      expect(stderr).toContain(join(home, 'mlpath.db'));
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
