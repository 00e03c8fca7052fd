/**
 * @module account
 * Who the app acts for. The server says its mode once (`GET /api/mode`): in local mode there are
 * no accounts and nothing here shows; in multi-user mode the app reads the session
 * (`GET /api/auth/get-session`) and asks the learner to sign in whenever there is none or any
 * request answers 401. Signing in, up or out drops every cached read, so one account's data never
 * shows for another; progress waiting in the outbox is sent before signing out, kept for the same
 * person signing in again, and dropped (with the service worker's cached reads) when the person
 * changes.
 */
import { useSyncExternalStore } from 'react';
import { onUnauthenticated, request } from './api.js';
import { dropApiCache } from './api-cache.js';
import { discardAll, flush } from './outbox.js';
import { forgetProgress } from './data.js';
import { forgetAll } from './resource.js';

/** GET /api/mode (the server's ServerModeSchema). */
export type ServerMode =
  | { readonly mode: 'local' }
  | {
      readonly mode: 'multi-user';
      readonly signUp: boolean;
      readonly passwordMin: number;
      readonly passwordMax: number;
    };

export interface SignedInUser {
  readonly name: string;
  readonly email: string;
}

export interface AccountState {
  /** Undefined until the server has said. */
  readonly mode: ServerMode | undefined;
  /** The signed-in person (multi-user mode); null when nobody is. */
  readonly user: SignedInUser | null;
  /** Multi-user mode with no session: the sign-in page replaces the app's pages. */
  readonly signInNeeded: boolean;
}

let state: AccountState = { mode: undefined, user: null, signInNeeded: false };
const listeners = new Set<() => void>();
let started = false;

function set(next: Partial<AccountState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** Ask the server its mode and, in multi-user mode, who is signed in. Runs once (main.tsx starts it before the first render). */
/** Settles when the first look at the server's mode (and, on a multi-user server, the session) is done. */
let known: Promise<void> = Promise.resolve();
export function accountKnown(): Promise<void> {
  return known;
}

export function startAccount(): void {
  if (started) return;
  started = true;
  onUnauthenticated(() => {
    // Only a multi-user server answers 401 for the learner's data.
    if (state.mode?.mode !== 'local') set({ user: null, signInNeeded: true });
  });
  known = (async () => {
    try {
      const mode = await request<ServerMode>('GET', '/api/mode');
      set({ mode });
      if (mode.mode !== 'multi-user') return;
      const session = await request<{ user: SignedInUser } | null>('GET', '/api/auth/get-session');
      if (session?.user) {
        set({ user: { name: session.user.name, email: session.user.email } });
        try {
          localStorage.setItem(LAST_KEY, session.user.email);
        } catch {
          // Best effort.
        }
      } else set({ user: null, signInNeeded: true });
    } catch {
      // Unreachable: the pages' own reads show the error and offer to try again.
      started = false;
    }
  })();
}

export function useAccount(): AccountState {
  startAccount();
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** The email of the last person signed in at this browser (localStorage), whose outbox it holds. */
const LAST_KEY = 'mlpath.account';
function lastEmail(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

async function signedIn(user: SignedInUser): Promise<void> {
  const previous = lastEmail();
  try {
    localStorage.setItem(LAST_KEY, user.email);
  } catch {
    // Best effort: without storage there is no outbox either.
  }
  if (previous !== user.email) {
    // Someone else's unsent progress and cached reads are not this person's.
    discardAll();
    await dropApiCache();
  }
  forgetAll();
  forgetProgress();
  set({ user: { name: user.name, email: user.email }, signInNeeded: false });
  // The same person again: what waited while signed out is sent now.
  if (previous === user.email) void flush();
}

/** Throws ApiError (UNAUTHENTICATED: wrong email or password; RATE_LIMITED; FORBIDDEN: disabled). */
export async function signIn(email: string, password: string): Promise<void> {
  const reply = await request<{ user: SignedInUser }>('POST', '/api/auth/sign-in/email', { email, password });
  await signedIn(reply.user);
}

/** Creates the account and signs in; throws ApiError (CONFLICT: email taken; FORBIDDEN: sign-up closed; …). */
export async function signUp(name: string, email: string, password: string): Promise<void> {
  const reply = await request<{ user: SignedInUser }>('POST', '/api/auth/sign-up/email', { name, email, password });
  // A new account starts at onboarding, whatever page the browser was on.
  window.location.hash = '#/onboarding';
  await signedIn(reply.user);
}

/** Sends what waits in the outbox first (it is this person's), then ends the session. */
export async function signOut(): Promise<void> {
  await flush();
  await request<unknown>('POST', '/api/auth/sign-out', {});
  // The next person starts from the app's first page, not this one's last.
  window.location.hash = '';
  set({ user: null, signInNeeded: true });
  forgetAll();
  forgetProgress();
}
