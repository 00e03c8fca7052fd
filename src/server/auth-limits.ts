/**
 * @module server/auth-limits
 * Every number of the multi-user server's accounts, in one place: session lifetime, password
 * length, the per-address rate limits of the account routes and the per-account sign-in lockout.
 * Durations are in seconds.
 */
export const AUTH_LIMITS = {
  /** A session lasts a week from its last refresh... */
  sessionSeconds: 7 * 24 * 60 * 60,
  /** ...and is refreshed (its expiry pushed back) at most once a day while it is used. */
  sessionRefreshSeconds: 24 * 60 * 60,
  passwordMin: 10,
  passwordMax: 128,
  /** Sign-in attempts per client address in one window. */
  signInPerWindow: 10,
  signInWindowSeconds: 60,
  /** Sign-ups per client address in one window. */
  signUpPerWindow: 5,
  signUpWindowSeconds: 60 * 60,
  /** Any other account route, per client address in one window. */
  otherPerWindow: 60,
  otherWindowSeconds: 60,
  /** Failed sign-ins of one account (from any address) within the window that lock it... */
  lockoutFailures: 5,
  lockoutWindowSeconds: 15 * 60,
  /** ...for this long. A successful sign-in or an admin password reset clears the count. */
  lockoutSeconds: 15 * 60,
  /** The largest body an account route reads, in bytes. */
  bodyBytes: 16 * 1024,
  /** The shortest accepted server secret (it signs the session cookies). */
  secretMin: 32,
} as const;
