import { z } from 'zod';
import { definedEnv, parseEnv } from '../../config/config-error.js';
import { requireAllOrNone } from '../platform-common/channels-config.js';

const schema = z.object({
  /** Application ID of the Zalo app linked to the OA (developers.zalo.me). */
  ZALO_APP_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'the numeric App ID from developers.zalo.me')
    .optional(),
  /** The app's secret key: sent when refreshing the OA access token. */
  ZALO_APP_SECRET: z.string().min(8).optional(),
  /** The OA secret key shown in the app's Webhook settings: checks X-ZEvent-Signature. */
  ZALO_OA_SECRET_KEY: z.string().min(8).optional(),
  /** The first refresh token (from the OA authorization); rotated tokens are kept in DATA_DIR afterwards. */
  ZALO_REFRESH_TOKEN: z.string().min(8).optional(),
  /** Optional current access token, used until it expires or is refused. */
  ZALO_ACCESS_TOKEN: z.string().min(8).optional(),
  ZALO_API_BASE: z.url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: z.url().default('https://oauth.zaloapp.com'),
  /** Reply window after a worker's message, hours, and free reply messages within it (Zalo: 48 h, 8). */
  ZALO_REPLY_WINDOW_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(48),
  ZALO_REPLY_QUOTA: z.coerce.number().int().min(1).max(1000).default(8),
  /** Domain verification code from the Zalo console: served as /zalo_verifier<code>.html. */
  ZALO_SITE_VERIFICATION: z
    .string()
    .regex(/^[A-Za-z0-9_-]{4,128}$/, 'the code from the zalo_verifier file name')
    .optional(),
  ZALO_LANGUAGE: z.enum(['vi', 'zh-Hans', 'zh-Hant']).default('vi'),
  /** Longest message in characters (Zalo's text limit is 2000). */
  ZALO_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(2000).default(2000),
});

export interface ZaloConfig {
  readonly appId: string;
  readonly appSecret: string;
  readonly oaSecretKey: string;
  readonly refreshToken: string;
  readonly accessToken?: string;
  readonly apiBase: string;
  readonly oauthBase: string;
  readonly replyWindowMs: number;
  readonly replyQuota: number;
  readonly language: 'vi' | 'zh-Hans' | 'zh-Hant';
  readonly maxMessageLength: number;
  readonly siteVerification?: string;
}

/** Zalo OA settings; undefined when none of its required variables is set. */
export function loadZaloConfig(env: Record<string, string | undefined>): ZaloConfig | undefined {
  const defined = definedEnv(env);
  const e = parseEnv(schema, defined);
  if (
    !requireAllOrNone(
      defined,
      ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_REFRESH_TOKEN'],
      'the Zalo OA channel',
    )
  )
    return undefined;
  return {
    appId: e.ZALO_APP_ID ?? '',
    appSecret: e.ZALO_APP_SECRET ?? '',
    oaSecretKey: e.ZALO_OA_SECRET_KEY ?? '',
    refreshToken: e.ZALO_REFRESH_TOKEN ?? '',
    ...(e.ZALO_ACCESS_TOKEN ? { accessToken: e.ZALO_ACCESS_TOKEN } : {}),
    apiBase: e.ZALO_API_BASE.replace(/\/+$/, ''),
    oauthBase: e.ZALO_OAUTH_BASE.replace(/\/+$/, ''),
    replyWindowMs: e.ZALO_REPLY_WINDOW_HOURS * 3_600_000,
    replyQuota: e.ZALO_REPLY_QUOTA,
    language: e.ZALO_LANGUAGE,
    maxMessageLength: e.ZALO_MAX_MESSAGE_LENGTH,
    ...(e.ZALO_SITE_VERIFICATION ? { siteVerification: e.ZALO_SITE_VERIFICATION } : {}),
  };
}
