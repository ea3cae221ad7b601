import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConsoleStore, StaffAccount, StaffSession } from '../stores/console-store.js';
import { dummyHash, verifyPassword } from './password.js';

export const SESSION_COOKIE = 'gh_console_session';
/** Double-submit token for the login form, before there is a session. */
export const LOGIN_CSRF_COOKIE = 'gh_console_login';

export const newToken = (): string => randomBytes(32).toString('base64url');
/** Sessions are stored by hash: a copy of the database does not give working cookies. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Constant-time comparison of two tokens. */
export function tokensEqual(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface LoginLimiterSettings {
  /** Failures allowed per name within the window. @default 5 */
  readonly maxFailures?: number;
  /** @default 15 min */
  readonly windowMs?: number;
}

export type LoginResult =
  | { readonly ok: true; readonly user: StaffAccount }
  | { readonly ok: false; readonly reason: 'bad_credentials' | 'locked' };

/**
 * Password sign-in with a per-name lock after repeated failures. Unknown
 * names cost the same scrypt work as wrong passwords.
 */
export class Authenticator {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly store: ConsoleStore,
    private readonly now: () => number,
    private readonly limits: LoginLimiterSettings = {},
  ) {}

  async login(name: string, password: string): Promise<LoginResult> {
    const key = name.normalize('NFKC').toLowerCase();
    const window = this.limits.windowMs ?? 15 * 60_000;
    const f = this.failures.get(key);
    if (f && this.now() - f.since < window && f.count >= (this.limits.maxFailures ?? 5))
      return { ok: false, reason: 'locked' };
    const user = await this.store.getUser(name);
    const ok =
      user && !user.disabled
        ? await verifyPassword(password, user.passwordHash)
        : (await verifyPassword(password, await dummyHash()), false);
    if (!ok || !user) {
      // Bounded memory under a flood of made-up names: forget windows that have passed.
      if (this.failures.size > 10_000)
        for (const [k, v] of this.failures) if (this.now() - v.since >= window) this.failures.delete(k);
      const fresh = !f || this.now() - f.since >= window;
      this.failures.set(key, { count: fresh ? 1 : f.count + 1, since: fresh ? this.now() : f.since });
      return { ok: false, reason: 'bad_credentials' };
    }
    this.failures.delete(key);
    return { ok: true, user };
  }

  /** Starts a session; returns the cookie token (only its hash is stored). */
  async startSession(user: StaffAccount, lifetimeMs: number): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    await this.store.createSession(hashToken(token), user.id, csrfToken, this.now(), this.now() + lifetimeMs);
    return { token, csrfToken };
  }

  session(token: string | undefined): Promise<StaffSession | undefined> {
    return token ? this.store.getSession(hashToken(token), this.now()) : Promise.resolve(undefined);
  }

  endSession(token: string): Promise<void> {
    return this.store.deleteSession(hashToken(token));
  }
}
