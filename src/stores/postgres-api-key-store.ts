import { timingSafeEqual } from 'node:crypto';
import {
  newApiKey,
  parseApiKey,
  secretHash,
  type ApiKeyInfo,
  type ApiKeyStore,
} from '../channels/http/api-key-store.js';
import type { PgDatabase } from './postgres/pg-database.js';

export interface PostgresApiKeyStore extends ApiKeyStore {
  /** Waits until every create and revoke of this process is written (the CLI awaits it before exiting). */
  flush(): Promise<void>;
  /** Reloads the keys now (other instances' changes also arrive every `refreshMs`). */
  refresh(): Promise<void>;
}

interface KeyRow {
  key_id: string;
  integration: string;
  secret_hash: Buffer;
  created_at: string;
  revoked_at: string | null;
}

interface CachedKey {
  readonly info: ApiKeyInfo;
  readonly hash: Buffer;
}

/**
 * API keys in PostgreSQL for several instances. The HTTP layer checks keys on
 * every request synchronously, so each instance verifies against a snapshot
 * of the table, reloaded every `refreshMs`: a key created or revoked on one
 * instance (or with `npm run apikey`) takes effect everywhere within that
 * time. Writes go to the database at once; `flush()` waits for them.
 */
export async function openPostgresApiKeyStore(db: PgDatabase, refreshMs = 5_000): Promise<PostgresApiKeyStore> {
  let keys = new Map<string, CachedKey>();
  const pending = new Set<Promise<unknown>>();
  const write = (p: Promise<unknown>) => {
    const tracked = p.finally(() => pending.delete(tracked));
    pending.add(tracked);
    // Surfaced by flush(); a failed write also shows up as a missing key at the next refresh.
    tracked.catch(() => undefined);
  };
  async function refresh(): Promise<void> {
    const { rows } = await db.pool.query<KeyRow>(
      'SELECT key_id, integration, secret_hash, created_at, revoked_at FROM api_keys',
    );
    keys = new Map(
      rows.map((r) => [
        r.key_id,
        {
          info: {
            keyId: r.key_id,
            integration: r.integration,
            createdAt: Number(r.created_at),
            ...(r.revoked_at !== null ? { revokedAt: Number(r.revoked_at) } : {}),
          },
          hash: r.secret_hash,
        },
      ]),
    );
  }
  await refresh();
  const timer = setInterval(() => void refresh().catch(() => undefined), refreshMs);
  timer.unref();

  return {
    create(integration, at = Date.now()) {
      const { keyId, key, hash } = newApiKey(integration);
      const info: ApiKeyInfo = { keyId, integration, createdAt: at };
      keys.set(keyId, { info, hash });
      write(
        db.pool.query('INSERT INTO api_keys (key_id, integration, secret_hash, created_at) VALUES ($1, $2, $3, $4)', [
          keyId,
          integration,
          hash,
          at,
        ]),
      );
      return { key, info };
    },
    list() {
      return [...keys.values()].map((k) => k.info).sort((a, b) => a.createdAt - b.createdAt);
    },
    revoke(keyIdOrIntegration, at = Date.now()) {
      let n = 0;
      for (const [id, k] of keys) {
        if (k.info.revokedAt !== undefined || (id !== keyIdOrIntegration && k.info.integration !== keyIdOrIntegration))
          continue;
        keys.set(id, { ...k, info: { ...k.info, revokedAt: at } });
        n += 1;
      }
      write(
        db.pool.query(
          'UPDATE api_keys SET revoked_at = $1 WHERE revoked_at IS NULL AND (key_id = $2 OR integration = $2)',
          [at, keyIdOrIntegration],
        ),
      );
      return n;
    },
    verify(key) {
      const parsed = parseApiKey(key);
      const k = parsed ? keys.get(parsed.keyId) : undefined;
      if (!parsed || !k || k.info.revokedAt !== undefined) return undefined;
      return timingSafeEqual(k.hash, secretHash(parsed.secret)) ? k.info.integration : undefined;
    },
    async flush() {
      await Promise.all([...pending].map((p) => p));
    },
    refresh,
    close() {
      clearInterval(timer);
    },
  };
}
