/**
 * @module commands/sync
 * `mlpath login URL`, `mlpath logout` and `mlpath sync`: this machine's progress and an account on
 * an mlpath server in multi-user mode. The rules of the merge are the learner layer's
 * (learner/sync.ts); the HTTP client is cli/remote.ts; the answers are checked against the API's
 * own schemas before anything is written.
 *
 * `login` asks the email and the password on a terminal; a script gives `--email` and the password
 * in MLPATH_PASSWORD or on standard input (its first line).
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { MlpathError } from '../../core/errors.js';
import type { Locale } from '../../core/model.js';
import type { Profile } from '../../core/plan-model.js';
import type { ProgressEvent } from '../../core/progress-model.js';
import { syncWith } from '../../learner/sync.js';
import type { SyncBatch, SyncRemote, SyncState } from '../../learner/sync.js';
import { SyncEventsPageSchema, SyncReceivedSchema, SyncStateSchema } from '../../contract/index.js';
import { problemsOf } from '../../server/validate.js';
import type { KeptPosting, PortfolioProject, ProfileRecord } from '../../store/store.js';
import { helpFor } from '../help-messages.js';
import type { CliIo } from '../io.js';
import { chooseLocale } from '../locale.js';
import { msg } from '../messages.js';
import { readCredentials, remoteFor, removeCredentials, serverAddress, signIn, writeCredentials } from '../remote.js';
import type { RemoteClient } from '../remote.js';
import { withSession } from '../session.js';

/** A server answer checked against the API's schema; a mismatch means it is not (this version of) mlpath. */
function checked<T extends z.ZodType>(locale: Locale, server: string, schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: msg(locale, 'remote.notMlpath', { server }),
      problems: problemsOf(parsed.error),
    });
  }
  return parsed.data;
}

function profileRecord(value: { profile: unknown; savedAt: string } | null): ProfileRecord | undefined {
  return value === null ? undefined : { profile: value.profile as Profile, savedAt: value.savedAt };
}

function projectOf(p: z.output<typeof SyncStateSchema>['projects'][number]): PortfolioProject {
  return {
    id: p.id,
    template: p.template,
    title: p.title,
    createdAt: p.createdAt,
    links: { repository: p.links.repository, demo: p.links.demo, writeup: p.links.writeup },
  };
}

/** Without undefined fields (JSON would drop them; the server's strict schemas refuse nothing else). */
function plain<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The server, as the learner layer's sync sees it. */
export function httpSyncRemote(client: RemoteClient, locale: Locale): SyncRemote {
  const server = client.credentials.server;
  return {
    id: `${server} ${client.credentials.userId}`,
    async state(): Promise<SyncState> {
      const s = checked(locale, server, SyncStateSchema, await client.request('GET', '/api/sync/state'));
      return {
        profile: profileRecord(s.profile),
        projects: s.projects.map(projectOf),
        postings: s.postings as KeptPosting[],
      };
    },
    async events(after, limit) {
      const query = new URLSearchParams({ limit: String(limit), ...(after === undefined ? {} : { after }) });
      const page = checked(
        locale,
        server,
        SyncEventsPageSchema,
        await client.request('GET', `/api/sync/events?${query.toString()}`),
      );
      return { events: page.events as ProgressEvent[], cursor: page.cursor ?? after, more: page.more };
    },
    async push(batch: SyncBatch, key: string) {
      const body = {
        events: batch.events.map((e) => plain({ ...e })),
        projects: batch.projects.map((p) => plain({ ...p, links: plain({ ...p.links }) })),
        postings: batch.postings,
        profile: batch.profile ?? null,
      };
      const answer = checked(
        locale,
        server,
        SyncReceivedSchema,
        await client.request('POST', '/api/sync', { body, idempotencyKey: key }),
      );
      return {
        added: answer.added,
        profile: answer.profile,
        cursorBefore: answer.cursorBefore ?? undefined,
        cursor: answer.cursor ?? undefined,
      };
    },
  };
}

/** The email and password: flags, MLPATH_PASSWORD and standard input for scripts; prompts on a terminal. */
async function askCredentials(
  io: CliIo,
  locale: Locale,
  emailFlag: string | undefined,
): Promise<{ email: string; password: string }> {
  const envPassword = io.env['MLPATH_PASSWORD'];
  let email = emailFlag?.trim() ?? '';
  let password = envPassword ?? '';
  if (email === '' || password === '') {
    // Prompts need a terminal on both ends; piped input is the password (its first line).
    if (io.isTty && io.stdinIsTty !== false) {
      const prompts = await import('@clack/prompts');
      if (email === '') {
        const value = await prompts.text({ message: msg(locale, 'login.email') });
        if (prompts.isCancel(value))
          throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'login.needsEmail') });
        email = value.trim();
      }
      if (password === '') {
        const value = await prompts.password({ message: msg(locale, 'login.password') });
        if (prompts.isCancel(value))
          throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'login.needsPassword') });
        password = value;
      }
    } else {
      if (email === '') throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'login.needsEmail') });
      password = ((await io.readStdin?.()) ?? '').split(/\r?\n/)[0] ?? '';
    }
  }
  if (email === '') throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'login.needsEmail') });
  if (password === '') throw new MlpathError({ code: 'INVALID_INPUT', message: msg(locale, 'login.needsPassword') });
  return { email, password };
}

export function registerSync(program: Command, io: CliIo): void {
  const h = helpFor(io.env);
  const locale = (): Locale => chooseLocale({ env: io.env });

  program
    .command('login')
    .description(h('login'))
    .argument('<url>', h('login.url'))
    .option('--email <email>', h('login.email'))
    .action(async (url: string, options: { email?: string }) => {
      const l = locale();
      const server = serverAddress(io, url);
      const input = await askCredentials(io, l, options.email);
      const credentials = await signIn(io, server, input);
      const file = writeCredentials(io, credentials);
      io.out(`${msg(l, 'login.done', { server, email: credentials.email, file })}\n`);
    });

  program
    .command('logout')
    .description(h('logout'))
    .action(async () => {
      const l = locale();
      const credentials = readCredentials(io);
      if (!credentials) {
        io.err(`${msg(l, 'logout.none')}\n`);
        return;
      }
      // End the session on the server too; the local credentials go even when it cannot be reached.
      try {
        await remoteFor(io).request('POST', '/api/auth/sign-out', { body: {} });
      } catch {
        // The session expires on the server by itself.
      }
      removeCredentials(io);
      io.out(`${msg(l, 'logout.done', { server: credentials.server })}\n`);
    });

  program
    .command('sync')
    .description(h('sync'))
    .option('--json', h('sync.json'))
    .action(async (options: { json?: boolean }) => {
      const client = remoteFor(io);
      await withSession(io, async (session) => {
        const l = await session.locale();
        const result = await syncWith(session.context(), httpSyncRemote(client, l));
        if (options.json) {
          io.out(`${JSON.stringify({ server: client.credentials.server, ...result }, null, 2)}\n`);
          return;
        }
        const server = client.credentials.server;
        const nothing =
          result.pushed === 0 &&
          result.pulled === 0 &&
          result.projects.pushed + result.projects.pulled + result.postings.pushed + result.postings.pulled === 0 &&
          result.profile === 'same';
        if (nothing) {
          io.out(`${msg(l, 'sync.nothing', { server })}\n`);
          return;
        }
        const profile =
          result.profile === 'sent'
            ? msg(l, 'sync.profileSent')
            : result.profile === 'taken'
              ? msg(l, 'sync.profileTaken')
              : '';
        io.out(`${msg(l, 'sync.done', { server, pushed: result.pushed, pulled: result.pulled, profile })}\n`);
      });
    });
}
