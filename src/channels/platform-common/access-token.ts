/** WeChat and WeCom errcodes that mean "get a new access token": invalid, not the latest, expired. */
export const WX_TOKEN_ERRORS: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** A fetched token and how long it lives. */
export interface FetchedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

export interface AccessTokenCache {
  /** A valid token: cached, or fetched when missing or within the refresh margin of expiry. */
  get(): Promise<string>;
  /** Drops the cached token (the platform said it is invalid or expired). */
  invalidate(token?: string): void;
}

/**
 * Caches a platform access token and refreshes it `marginSeconds` before it
 * expires. Concurrent callers share one fetch (platforms rate-limit token
 * requests and a new token may invalidate the old one).
 */
export function createAccessTokenCache(
  fetchToken: () => Promise<FetchedToken>,
  options: { marginSeconds?: number; now?: () => number } = {},
): AccessTokenCache {
  const now = options.now ?? Date.now;
  const margin = (options.marginSeconds ?? 300) * 1000;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    async get() {
      if (cached && now() < cached.expiresAt - margin) return cached.token;
      pending ??= fetchToken()
        .then((t) => {
          cached = { token: t.token, expiresAt: now() + t.expiresInSeconds * 1000 };
          return t.token;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    invalidate(token) {
      if (!token || cached?.token === token) cached = undefined;
    },
  };
}
