import { z } from 'zod';
import { definedEnv, parseEnv } from './config-error.js';
import { DATA_KEY_PROBLEM, isDataKey } from './data-key.js';

/** A comma-separated list variable: trimmed items, empty ones dropped; unset is the empty list. */
const commaList = () =>
  z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the HTTP API binds to; loopback unless a union exposes it deliberately. */
  HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_ENABLED: z.enum(['true', 'false']).default('true'),
  HTTP_BODY_LIMIT: z.coerce.number().int().min(256).max(1_048_576).default(16_384),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(12),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10_000).default(6),
  HISTORY_TURNS: z.coerce.number().int().min(0).max(50).default(6),
  /** `required`: /v1 needs an API key or user token (`npm run apikey -- create <name>`). `off` only for local tests. */
  HTTP_AUTH: z.enum(['required', 'off']).default('required'),
  /** HMAC secret of browser user tokens (POST /v1/user-tokens); unset: API keys only. */
  API_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Comma-separated browser origins allowed to call /v1 (CORS), e.g. https://union.example. */
  HTTP_CORS_ORIGINS: commaList(),
  USER_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Tickets one worker may open per hour; more get the answer and a notice instead. */
  TICKETS_PER_USER_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(3),
  /** Tickets one integration (or one whole push channel) may open per hour. */
  TICKETS_PER_CALLER_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Bearer token for GET /metrics; unset: /metrics answers loopback only. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * AES-256-GCM key for personal data at rest (64 hex characters or base64 of 32 bytes). Unset: stored in clear,
   * with a warning.
   */
  DATA_ENCRYPTION_KEY: z.string().refine(isDataKey, DATA_KEY_PROBLEM).optional(),
  /** Retention in days (docs/personal-data.md): ordinary chats, resolved tickets, finished message ids. */
  RETAIN_CONVERSATIONS_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETAIN_CLOSED_TICKETS_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  RETAIN_PROCESSED_IDS_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /**
   * Public base URL of this server's HTTP listener, for signed links to the staff transcript page
   * (e.g. https://bot.union.example).
   */
  STAFF_BASE_URL: z.url({ message: 'a URL such as https://bot.union.example' }).optional(),
  /** HMAC secret of those links; both must be set for the page to exist. */
  STAFF_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  STAFF_LINK_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** Language of the staff desk (Slack labels, summaries, the transcript page): knowledge/desk/labels.json. */
  STAFF_LANGUAGE: z.enum(['zh-Hans', 'vi', 'en']).default('zh-Hans'),
  /** Slack user ids (comma-separated) of leads, who may reply on any claimed ticket. */
  STAFF_LEAD_IDS: commaList(),
});

export type ServeConfig = Readonly<z.infer<typeof schema>>;

/** Settings of `npm run serve` (HTTP API and conversation core). */
export function loadServeConfig(env: Record<string, string | undefined>): ServeConfig {
  return Object.freeze(parseEnv(schema, definedEnv(env)));
}
