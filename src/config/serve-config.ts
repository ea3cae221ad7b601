import { z } from 'zod';
import { definedEnv, parseEnv } from './app-config.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the HTTP API binds to; loopback unless a union exposes it deliberately. */
  HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_ENABLED: z.enum(['true', 'false']).default('true'),
  HTTP_BODY_LIMIT: z.coerce.number().int().min(256).max(1_048_576).default(16_384),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(12),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10_000).default(6),
  HISTORY_TURNS: z.coerce.number().int().min(0).max(50).default(6),
});

export type ServeConfig = Readonly<z.infer<typeof schema>>;

/** Settings of `npm run serve` (HTTP API and conversation core). */
export function loadServeConfig(env: Record<string, string | undefined>): ServeConfig {
  return Object.freeze(parseEnv(schema, definedEnv(env)));
}
