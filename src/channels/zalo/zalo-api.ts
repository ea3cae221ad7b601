import { z } from 'zod';
import type { ChannelStateStore } from '../platform-common/channel-state-store.js';
import { fetchJson, postJson } from '../platform-common/http-json.js';

const refreshResponse = z.union([
  z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    expires_in: z.coerce.number().int().positive(),
  }),
  z.object({ error: z.coerce.number(), error_name: z.string().optional(), error_description: z.string().optional() }),
]);
const sendResponse = z.object({ error: z.coerce.number(), message: z.string().optional() });

const storedTokens = z.object({
  accessToken: z.string().optional(),
  expiresAt: z.number(),
  refreshToken: z.string(),
  seededFrom: z.string(),
});
type StoredTokens = z.infer<typeof storedTokens>;

/** Codes Zalo answers when the access token is invalid or expired: refresh and retry once. */
const TOKEN_ERRORS = new Set([-216, -124]);
const TOKENS_KEY = 'zalo:tokens';
/** Refresh this long before the access token's end. */
const MARGIN_MS = 10 * 60_000;

export interface ZaloApi {
  sendText(userId: string, text: string): Promise<void>;
}

export interface ZaloApiSettings {
  readonly apiBase: string;
  readonly oauthBase: string;
  readonly appId: string;
  readonly appSecret: string;
  readonly refreshToken: string;
  readonly accessToken?: string;
  /** Where rotated tokens are kept: a Zalo refresh token works once. */
  readonly state: ChannelStateStore;
  readonly now?: () => number;
}

/**
 * OA API v3 text messages (`/v3.0/oa/message/cs`, `access_token` header),
 * with the access token refreshed from the refresh token before it expires
 * and when Zalo refuses it. Zalo refresh tokens are single-use, so the new
 * pair is persisted at once; a new ZALO_REFRESH_TOKEN in the environment
 * (after a re-authorization) replaces the stored pair.
 */
export function createZaloApi(settings: ZaloApiSettings): ZaloApi {
  const now = settings.now ?? Date.now;
  let pending: Promise<string> | undefined;

  function load(): StoredTokens {
    const raw = settings.state.get(TOKENS_KEY);
    const parsed = raw ? storedTokens.safeParse(JSON.parse(raw)) : undefined;
    if (parsed?.success && parsed.data.seededFrom === settings.refreshToken) return parsed.data;
    const seeded: StoredTokens = {
      refreshToken: settings.refreshToken,
      seededFrom: settings.refreshToken,
      expiresAt: settings.accessToken ? now() + 3_600_000 : 0,
      ...(settings.accessToken ? { accessToken: settings.accessToken } : {}),
    };
    settings.state.set(TOKENS_KEY, JSON.stringify(seeded));
    return seeded;
  }

  async function refresh(): Promise<string> {
    const current = load();
    const body = new URLSearchParams({
      refresh_token: current.refreshToken,
      app_id: settings.appId,
      grant_type: 'refresh_token',
    });
    const r = await fetchJson(
      `${settings.oauthBase}/v4/oa/access_token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: settings.appSecret },
        body: body.toString(),
      },
      refreshResponse,
    );
    if ('error' in r)
      throw new Error(`Zalo token refresh failed: error ${r.error}${r.error_name ? ` (${r.error_name})` : ''}`);
    settings.state.set(
      TOKENS_KEY,
      JSON.stringify({
        ...current,
        accessToken: r.access_token,
        refreshToken: r.refresh_token,
        expiresAt: now() + r.expires_in * 1000,
      }),
    );
    return r.access_token;
  }

  async function token(): Promise<string> {
    const t = load();
    if (t.accessToken && now() < t.expiresAt - MARGIN_MS) return t.accessToken;
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  function invalidate(used: string): void {
    const t = load();
    if (t.accessToken === used) settings.state.set(TOKENS_KEY, JSON.stringify({ ...t, expiresAt: 0 }));
  }

  return {
    async sendText(userId, text) {
      for (let attempt = 0; ; attempt += 1) {
        const access = await token();
        const r = await postJson(
          `${settings.apiBase}/v3.0/oa/message/cs`,
          { recipient: { user_id: userId }, message: { text } },
          sendResponse,
          { access_token: access },
        );
        if (r.error === 0) return;
        if (TOKEN_ERRORS.has(r.error) && attempt === 0) {
          invalidate(access);
          continue;
        }
        throw new Error(`Zalo send failed: error ${r.error}`);
      }
    },
  };
}
