/**
 * @module commands/admin
 * `mlpath admin user add|list|disable|enable|reset-password`: accounts of the multi-user server,
 * on the PostgreSQL database of DATABASE_URL (no mail server is assumed, so an administrator hands
 * out passwords). A password is generated and printed once, unless `--password-stdin` gives one.
 * Opening the store first applies the migrations, so the account tables exist.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { MlpathError } from '../../core/errors.js';
import type { Locale } from '../../core/model.js';
import { generatePassword, openAccounts } from '../../server/auth.js';
import type { AccountsAdmin, UserSummary } from '../../server/auth.js';
import { openStore } from '../../store/open.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { chooseLocale } from '../locale.js';
import { msg } from '../messages.js';

/** Run `fn` with the accounts of DATABASE_URL, closing everything afterwards. */
async function withAdmin<T>(io: CliIo, locale: Locale, fn: (admin: AccountsAdmin) => Promise<T>): Promise<T> {
  const url = io.env['DATABASE_URL'] ?? '';
  if (url === '') throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'admin.needsPostgres') });
  const store = await openStore(io.env, io.cwd);
  try {
    const accounts = await openAccounts({
      url,
      // The admin commands sign no cookies; the server's secret is not needed here.
      secret: io.env['MLPATH_AUTH_SECRET'] || randomBytes(32).toString('base64'),
      publicUrl: io.env['MLPATH_PUBLIC_URL'] || 'http://localhost',
    });
    try {
      return await fn(accounts.admin);
    } finally {
      await accounts.close();
    }
  } finally {
    await store.close();
  }
}

/** The password to set: from standard input (its first line) or generated. */
async function passwordFrom(
  io: CliIo,
  locale: Locale,
  fromStdin: boolean,
): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true };
  const text = (await io.readStdin?.()) ?? '';
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'admin.emptyStdin') });
  return { password, generated: false };
}

function printPassword(io: CliIo, locale: Locale, password: string): void {
  io.out(`${msg(locale, 'admin.password', { password })}\n`);
  io.err(`${msg(locale, 'admin.passwordOnce')}\n`);
}

function userLine(locale: Locale, user: UserSummary): string {
  return msg(locale, 'admin.userLine', {
    email: user.email,
    name: user.name,
    state: msg(locale, user.disabled ? 'admin.disabled' : 'admin.active'),
    sessions: user.sessions,
    since: user.createdAt.slice(0, 10),
  });
}

export function registerAdmin(program: Command, io: CliIo): Command {
  const h = helpFor(io.env);
  const locale = (): Locale => chooseLocale({ env: io.env });
  const admin = program.command('admin').description(h('admin'));
  const user = admin.command('user').description(h('admin.user'));

  user
    .command('add')
    .description(h('admin.add'))
    .argument('<email>', h('admin.email'))
    .requiredOption('--name <name>', h('admin.name'))
    .option('--password-stdin', h('admin.passwordStdin'))
    .action(async (email: string, options: { name: string; passwordStdin?: boolean }) => {
      const l = locale();
      const { password, generated } = await passwordFrom(io, l, options.passwordStdin === true);
      const added = await withAdmin(io, l, (a) => a.addUser({ email, name: options.name, password }));
      io.out(`${msg(l, 'admin.added', { email: added.email, name: added.name })}\n`);
      if (generated) printPassword(io, l, password);
    });

  user
    .command('list')
    .description(h('admin.list'))
    .option('--json', h('admin.json'))
    .action(async (options: { json?: boolean }) => {
      const l = locale();
      const users = await withAdmin(io, l, (a) => a.listUsers());
      if (options.json) {
        io.out(`${JSON.stringify(users, null, 2)}\n`);
        return;
      }
      if (users.length === 0) io.err(`${msg(l, 'admin.noUsers')}\n`);
      for (const u of users) io.out(`${userLine(l, u)}\n`);
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(h(disabled ? 'admin.disable' : 'admin.enable'))
      .argument('<email>', h('admin.email'))
      .action(async (email: string) => {
        const l = locale();
        const changed = await withAdmin(io, l, (a) => a.setDisabled(email, disabled));
        io.out(`${msg(l, disabled ? 'admin.disabledDone' : 'admin.enabledDone', { email: changed.email })}\n`);
      });
  }

  user
    .command('reset-password')
    .description(h('admin.reset'))
    .argument('<email>', h('admin.email'))
    .option('--password-stdin', h('admin.passwordStdin'))
    .action(async (email: string, options: { passwordStdin?: boolean }) => {
      const l = locale();
      const { password, generated } = await passwordFrom(io, l, options.passwordStdin === true);
      const changed = await withAdmin(io, l, (a) => a.resetPassword(email, password));
      io.out(`${msg(l, 'admin.resetDone', { email: changed.email })}\n`);
      if (generated) printPassword(io, l, password);
    });
  return admin;
}
