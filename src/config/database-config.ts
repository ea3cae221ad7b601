import { z } from 'zod';
import { definedEnv, parseEnv } from './config-error.js';

const schema = z.object({
  /**
   * PostgreSQL connection URL (postgres://user:password@host:5432/db). When set, every store lives in
   * that database and several instances can share it; when unset, the embedded SQLite file in DATA_DIR.
   */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  /** Connections for store queries, per instance. */
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Connections holding per-conversation locks, per instance: conversations answered at once. */
  PG_LOCK_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /** How long an instance's claim on an outbox item lasts before another instance may take it over. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Names this instance in outbox claims (default: host, process id and a random suffix). */
  INSTANCE_ID: z.string().min(1).max(100).optional(),
});

export type DatabaseConfig = Readonly<z.infer<typeof schema>>;

/** Which database the stores use; errors name the variable and never echo the URL (it may hold a password). */
export function loadDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  return Object.freeze(parseEnv(schema, definedEnv(env)));
}
