import { z } from 'zod';
import { ConfigError, definedEnv, parseEnv } from '../../config/config-error.js';

const schema = z.object({
  /** Interface the platform callback server binds to; put a TLS reverse proxy in front of it. */
  CHANNELS_HOST: z.string().min(1).default('127.0.0.1'),
  CHANNELS_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
});

export type ChannelsServerConfig = Readonly<z.infer<typeof schema>>;

/** Where the WeChat OA / WeCom / Zalo callback server listens. */
export function loadChannelsServerConfig(env: Record<string, string | undefined>): ChannelsServerConfig {
  return Object.freeze(parseEnv(schema, definedEnv(env)));
}

/**
 * A channel is on when all its required variables are set, off when none
 * is; a half-set channel is a mistake and stops start-up naming what is missing.
 */
export function requireAllOrNone(env: Record<string, string>, names: readonly string[], channel: string): boolean {
  const set = names.filter((n) => env[n] !== undefined);
  if (set.length === 0) return false;
  const missing = names.filter((n) => env[n] === undefined);
  if (missing.length > 0)
    throw new ConfigError(
      `${missing.join(', ')} must be set to use ${channel} (${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set)`,
    );
  return true;
}
