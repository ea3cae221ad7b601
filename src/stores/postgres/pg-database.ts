import pg from 'pg';
import { migratePg } from './pg-migrate.js';

/** PostgreSQL text cannot hold NUL: it becomes U+FFFD instead of failing the write (SQLite keeps it). */
export const pgText = (s: string) => s.replace(/\u0000/g, '\uFFFD');

/**
 * Runs `fn` in a transaction on a connection of `pool`: commits its result, rolls back on error. `begin` may add
 * statements to the opening round trip. A connection whose rollback fails is discarded, not returned to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export interface PgDatabaseSettings {
  readonly url: string;
  /** Connections for store queries. @default 10 */
  readonly poolSize?: number;
  /** Connections that hold per-conversation locks (one per conversation being answered). @default 20 */
  readonly lockPoolSize?: number;
  /** Applies pending migrations on open. @default true */
  readonly migrate?: boolean;
}

/**
 * One PostgreSQL database as the stores, locks and rate limiter of one
 * instance see it: a pool for queries, a separate pool for the connections
 * that hold conversation locks (so lock holders can never starve the queries
 * they are waiting on).
 */
export interface PgDatabase {
  readonly pool: pg.Pool;
  readonly lockPool: pg.Pool;
  close(): Promise<void>;
}

export async function openPgDatabase(settings: PgDatabaseSettings): Promise<PgDatabase> {
  const onError = (error: Error) => {
    // An idle connection dropped by the server: the pool replaces it; without a handler the process would exit.
    process.stderr.write(`gonghui-bot: PostgreSQL connection error: ${error.message}\n`);
  };
  const pool = new pg.Pool({ connectionString: settings.url, max: settings.poolSize ?? 10, idleTimeoutMillis: 30_000 });
  const lockPool = new pg.Pool({
    connectionString: settings.url,
    max: settings.lockPoolSize ?? 20,
    idleTimeoutMillis: 30_000,
  });
  // A connection lost while checked out (a lock holder waiting on the engine) reports here too, instead of
  // crashing the process.
  for (const p of [pool, lockPool]) {
    p.on('error', onError);
    p.on('connect', (client) => client.on('error', onError));
  }
  try {
    if (settings.migrate !== false) await migratePg(pool);
    else await pool.query('SELECT 1');
  } catch (error) {
    await Promise.all([pool.end(), lockPool.end()]);
    throw error;
  }
  let closed = false;
  return {
    pool,
    lockPool,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}
