import { afterEach, describe, expect, it } from 'vitest';
import { isMlpathError, MlpathError } from '../core/errors.js';
import { reportError } from './exit-codes.js';
import { memoryIo } from './io.js';
import { withSession } from './session.js';
import { testHome } from './test-support/home.js';
import type { TestHome } from './test-support/home.js';

const homes: TestHome[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

async function failure(fn: () => Promise<unknown>): Promise<MlpathError> {
  try {
    await fn();
  } catch (error) {
    if (isMlpathError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('withSession', () => {
  it('tells a failure from the store in the language of the stored profile', async () => {
    const home = testHome();
    homes.push(home);
    expect((await home.run(['init', '--yes', '--locale', 'zh-CN'])).status).toBe(0);
    const env = { ...home.env(), MLPATH_LANG: '', LANG: 'en_US.UTF-8' };
    const error = await failure(() =>
      withSession(memoryIo({ env, cwd: home.dir }), async (session) => {
        expect(await session.locale()).toBe('zh-CN');
        throw new MlpathError({
          code: 'NOT_FOUND',
          key: 'store.noProject',
          params: { id: 'bot' },
          hintKey: 'hint.projectList',
        });
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
    // The terminal's language (English here) gives way to the one the command spoke.
    const io = memoryIo({ env });
    expect(reportError(error, io, 'en')).toBe(2);
    expect(io.stderr()).toBe('mlpath：没有项目“bot”\n见 `mlpath project list`\n');
  });

  it('leaves a failure as it is when the command never chose a language', async () => {
    const home = testHome();
    homes.push(home);
    const error = await failure(() =>
      withSession(memoryIo({ env: home.env({ MLPATH_LANG: 'zh-CN' }), cwd: home.dir }), () => {
        throw new MlpathError({ code: 'NOT_FOUND', message: 'there is no project "bot"' });
      }),
    );
    expect(error.message).toBe('there is no project "bot"');
  });
});
