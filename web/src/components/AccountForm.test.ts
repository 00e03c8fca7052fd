import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src/i18n/locales/en/web.json';
import zhCN from '../../../src/i18n/locales/zh-CN/web.json';
import { ApiError } from '../lib/api.js';
import { looksLikeEmail, refusalOf } from './AccountForm.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const refused = (code: string, status: number, options: { path?: string; retry?: number } = {}) =>
  new ApiError(
    status,
    code,
    'the server said so',
    options.path ? [{ path: options.path, message: 'x' }] : [],
    options.retry,
  );

describe('refusalOf: the server refusals of the account forms, in the page language', () => {
  it('tells a locked account (the email named) from a busy address, with the wait in minutes', () => {
    const t = i18n.getFixedT('en');
    expect(refusalOf(refused('RATE_LIMITED', 429, { path: 'email', retry: 900 }), 'signIn', t)).toEqual({
      field: undefined,
      message:
        'This account is locked after too many failed sign-ins. Try again in 15 min, or ask the administrator to reset the password.',
    });
    expect(refusalOf(refused('RATE_LIMITED', 429, { retry: 30 }), 'signIn', t).message).toBe(
      'Too many sign-in attempts from this address. Try again in 1 min.',
    );
    expect(refusalOf(refused('RATE_LIMITED', 429, { retry: 3600 }), 'signUp', t).message).toBe(
      'Too many accounts were created from this address. Try again in 60 min.',
    );
  });

  it('says sign-up is closed, an account is disabled, a password is wrong, an email is taken', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(refusalOf(refused('FORBIDDEN', 403), 'signUp', t).message).toBe('此服务器未开放注册。请向管理员申请账号。');
    expect(refusalOf(refused('FORBIDDEN', 403), 'signIn', t).message).toBe('此账号已被停用。请联系管理员。');
    expect(refusalOf(refused('UNAUTHENTICATED', 401), 'signIn', t)).toEqual({
      field: undefined,
      message: '邮箱或密码不正确。',
    });
    expect(refusalOf(refused('CONFLICT', 409, { path: 'email' }), 'signUp', t)).toEqual({
      field: 'email',
      message: '该邮箱已有账号。请直接登录。',
    });
  });

  it('puts a field refusal on its field, and an unreachable server or anything else on the form', () => {
    const t = i18n.getFixedT('en');
    expect(refusalOf(refused('INVALID_INPUT', 400, { path: 'password' }), 'signUp', t).field).toBe('password');
    expect(refusalOf(refused('INVALID_INPUT', 400, { path: 'email' }), 'signUp', t).field).toBe('email');
    expect(refusalOf(refused('NETWORK', 0), 'signIn', t).message).toBe(
      'The server cannot be reached. Check the connection and try again.',
    );
    expect(refusalOf(new Error('boom'), 'signIn', t)).toEqual({
      field: undefined,
      message: 'The server refused this. Try again in a moment.',
    });
  });

  it('takes an address with a name, an @ and a domain, nothing less', () => {
    expect(looksLikeEmail(' ada@example.org ')).toBe(true);
    expect(looksLikeEmail('ada@example')).toBe(false);
    expect(looksLikeEmail('')).toBe(false);
  });
});
