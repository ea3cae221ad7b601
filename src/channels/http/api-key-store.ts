import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../../shared/private-file.js';

/** An integration's key as listed (the secret itself is never stored). */
export interface ApiKeyInfo {
  readonly keyId: string;
  /** The integration (a web widget, a union's app); its users' conversations are namespaced by it. */
  readonly integration: string;
  readonly createdAt: number;
  readonly revokedAt?: number;
}

export interface ApiKeyStore {
  /**
   * Creates a key for `integration` (a second key of the same integration is a rotation); the full
   * key is returned once.
   */
  create(integration: string, at?: number): { key: string; info: ApiKeyInfo };
  list(): ApiKeyInfo[];
  /** Revokes by key id or integration name (all its keys); returns how many keys were revoked. */
  revoke(keyIdOrIntegration: string, at?: number): number;
  /** The integration of a valid, unrevoked key, else undefined. */
  verify(key: string): string | undefined;
  close(): void;
}

/** Integration names: they become part of user ids, so a small safe alphabet. */
export const INTEGRATION_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const KEY_FORMAT = /^gk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** What a key store keeps of a key's secret. */
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * A new key for `integration` (checked against {@link INTEGRATION_NAME}): its id, the full key
 * (shown once) and the hash to store.
 */
export function newApiKey(integration: string): { keyId: string; key: string; hash: Buffer } {
  if (!INTEGRATION_NAME.test(integration))
    throw new Error('integration name: 1-40 characters of a-z, 0-9, _ and -, starting with a letter or digit');
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `gk_${keyId}_${secret}`, hash: secretHash(secret) };
}

/** The id and secret of a well-formed `gk_<id>_<secret>` key, else undefined. */
export function parseApiKey(key: string): { keyId: string; secret: string } | undefined {
  const m = KEY_FORMAT.exec(key);
  return m ? { keyId: m[1]!, secret: m[2]! } : undefined;
}

/**
 * API keys in their own SQLite file (0600). A key is `gk_<id>_<secret>`; only
 * SHA-256 of the secret is kept (keys are 256-bit random, so a fast hash is
 * enough), compared in constant time.
 */
export function openApiKeyStore(path: string): ApiKeyStore {
  if (path !== ':memory:') ensurePrivateFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
    key_id TEXT PRIMARY KEY, integration TEXT NOT NULL, secret_hash BLOB NOT NULL, created_at INTEGER NOT NULL,
    revoked_at INTEGER)`);
  const toInfo = (r: {
    key_id: string;
    integration: string;
    created_at: number;
    revoked_at: number | null;
  }): ApiKeyInfo => ({
    keyId: r.key_id,
    integration: r.integration,
    createdAt: r.created_at,
    ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
  });
  const select = db.prepare('SELECT integration, secret_hash FROM api_keys WHERE key_id = ? AND revoked_at IS NULL');

  return {
    create(integration, at = Date.now()) {
      const { keyId, key, hash } = newApiKey(integration);
      db.prepare('INSERT INTO api_keys (key_id, integration, secret_hash, created_at) VALUES (?, ?, ?, ?)').run(
        keyId,
        integration,
        hash,
        at,
      );
      return { key, info: { keyId, integration, createdAt: at } };
    },
    list() {
      return (
        db
          .prepare('SELECT key_id, integration, created_at, revoked_at FROM api_keys ORDER BY created_at')
          .all() as Parameters<typeof toInfo>[0][]
      ).map(toInfo);
    },
    revoke(keyIdOrIntegration, at = Date.now()) {
      return db
        .prepare('UPDATE api_keys SET revoked_at = ? WHERE revoked_at IS NULL AND (key_id = ? OR integration = ?)')
        .run(at, keyIdOrIntegration, keyIdOrIntegration).changes;
    },
    verify(key) {
      const parsed = parseApiKey(key);
      if (!parsed) return undefined;
      const row = select.get(parsed.keyId) as { integration: string; secret_hash: Buffer } | undefined;
      if (!row) return undefined;
      return timingSafeEqual(row.secret_hash, secretHash(parsed.secret)) ? row.integration : undefined;
    },
    close() {
      db.close();
    },
  };
}
