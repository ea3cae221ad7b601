import { join } from 'node:path';
import type { ConversationLock } from '../conversation/conversation-lock.js';
import type { RateLimit } from '../conversation/rate-limit.js';
import type { RateLimitSettings } from '../conversation/rate-limiter.js';
import type { FieldCipher } from '../privacy/field-cipher.js';
import { createPgConversationLock } from './postgres/pg-conversation-lock.js';
import { openPgDatabase } from './postgres/pg-database.js';
import { createPgRateLimiter } from './postgres/pg-rate-limiter.js';
import { createPostgresTicketStore } from './postgres-ticket-store.js';
import { DEFAULT_STORE_FILE, openSqliteTicketStore } from './sqlite-ticket-store.js';
import type { TicketStore } from '../conversation/ticket-store.js';
import type { ConsoleStore } from './console-store.js';
import { createPostgresConsoleStore } from './postgres-console-store.js';
import { openPostgresApiKeyStore, type PostgresApiKeyStore } from './postgres-api-key-store.js';

/** The stores and the coordination one instance uses: embedded (one process) or shared (several). */
export interface StoreBackend {
  readonly kind: 'sqlite' | 'postgres';
  /** Opens the ticket store (once), with the field cipher when DATA_ENCRYPTION_KEY is set. */
  openStore(options: { cipher?: FieldCipher }): TicketStore;
  /** The staff console's tables in the same database; undefined means beside the tickets in the SQLite file. */
  openConsoleStore?(): ConsoleStore;
  /** HTTP API keys in the same database; undefined means DATA_DIR/api-keys.sqlite. */
  openApiKeyStore?(): Promise<PostgresApiKeyStore>;
  /** Closes what the backend opened itself (the PostgreSQL pools); stores close their own. */
  close(): Promise<void>;
  /** Per-conversation lock across instances; undefined means the core's in-process lock. */
  readonly lock?: ConversationLock;
  /** Rate limits shared across instances; undefined means the core's in-memory ones. */
  rateLimiter?(name: string, settings: RateLimitSettings): RateLimit;
}

/** The database settings the stores use; src/config/database-config.ts reads them from the environment. */
export interface StoreBackendSettings {
  readonly DATABASE_URL?: string | undefined;
  readonly PG_POOL_SIZE: number;
  readonly PG_LOCK_POOL_SIZE: number;
  readonly OUTBOX_LEASE_SECONDS: number;
  readonly INSTANCE_ID?: string | undefined;
}

/** PostgreSQL when DATABASE_URL is set (migrated on open), else the SQLite file in `dataDir`. */
export async function openStoreBackend(config: StoreBackendSettings, dataDir: string): Promise<StoreBackend> {
  if (!config.DATABASE_URL)
    return {
      kind: 'sqlite',
      close: async () => undefined,
      openStore: (options) => openSqliteTicketStore(join(dataDir, DEFAULT_STORE_FILE), options),
    };
  const db = await openPgDatabase({
    url: config.DATABASE_URL,
    poolSize: config.PG_POOL_SIZE,
    lockPoolSize: config.PG_LOCK_POOL_SIZE,
  });
  return {
    kind: 'postgres',
    openStore: (options) =>
      createPostgresTicketStore(db, {
        ...options,
        outboxLeaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
        ...(config.INSTANCE_ID ? { instanceId: config.INSTANCE_ID } : {}),
      }),
    openConsoleStore: () => createPostgresConsoleStore(db),
    openApiKeyStore: () => openPostgresApiKeyStore(db),
    close: () => db.close(),
    lock: createPgConversationLock(db),
    rateLimiter: (name, settings) => createPgRateLimiter(db, settings, Date.now, name),
  };
}
