import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** Versioned SQL files: `NNN_name.sql`, applied in order, each once. */
export const PG_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/pg/', import.meta.url));

/** Any constant works; it only has to be the same on every instance. */
// A bigint as text: the value earlier versions sent ("gonghui" as hex, rounded to a double), so old and new
// instances still take the same lock during a rolling upgrade.
const MIGRATION_LOCK_KEY = '29114442573182310';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export function readMigrations(dir = PG_MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const migrations = files.map((name) => {
    const sql = readFileSync(`${dir}/${name}`, 'utf8');
    return { version: Number(name.slice(0, 3)), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `PostgreSQL migrations: expected version ${i + 1}, found ${m.name} ` +
          '(numbers must run 001, 002, ... without gaps)',
      );
  });
  return migrations;
}

/**
 * Applies the migrations not yet applied, each in its own transaction, while
 * holding a session advisory lock: instances starting together wait for the
 * first one instead of racing it. An applied file whose text has changed is
 * an error (add a new file instead). Returns the versions applied now.
 */
export async function migratePg(pool: pg.Pool, migrations: readonly Migration[] = readMigrations()): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Map(
      (
        await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')
      ).rows.map((r) => [r.version, r.checksum]),
    );
    const newest = Math.max(0, ...done.keys());
    if (newest > migrations.length)
      throw new Error(
        `the database has schema version ${newest}, newer than this release knows (${migrations.length}); ` +
          'run the newer release',
      );
    for (const m of migrations) {
      const previous = done.get(m.version);
      if (previous !== undefined) {
        if (previous !== m.checksum)
          throw new Error(
            `PostgreSQL migration ${m.name} was changed after it was applied; add a new migration file instead`,
          );
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(
          `PostgreSQL migration ${m.name} failed: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
