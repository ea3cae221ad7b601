import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migratePg, readMigrations } from '../../../src/stores/postgres/pg-migrate.js';
import { usePgServer } from '../../helpers/pg-suite.js';

const server = usePgServer();

describe('PostgreSQL migration files', () => {
  it('are numbered 001, 002, ... without gaps', () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_c.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/expected version 2/);
  });
});

describe.skipIf(server.skip)('PostgreSQL migrations', () => {
  it('applies each version once when several instances start together', async () => {
    const url = await server.server().freshDatabase();
    const pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: url, max: 2 }));
    const applied = await Promise.all(pools.map((p) => migratePg(p)));
    expect(applied.flat().sort()).toEqual(readMigrations().map((m) => m.version));
    const { rows } = await pools[0]!.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(rows[0]?.n)).toBe(readMigrations().length);
    expect(await migratePg(pools[0]!)).toEqual([]);
    await Promise.all(pools.map((p) => p.end()));
  });

  it('refuses an applied migration whose file was changed, and rolls back a failing one', async () => {
    const url = await server.server().freshDatabase();
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const one = { version: 1, name: '001_t.sql', sql: 'CREATE TABLE t (x int);', checksum: 'a' };
    await migratePg(pool, [one]);
    await expect(migratePg(pool, [{ ...one, checksum: 'b' }])).rejects.toThrow(/001_t.sql was changed/);
    await expect(
      migratePg(pool, [
        one,
        { version: 2, name: '002_bad.sql', sql: 'CREATE TABLE u (y int); SELECT nonsense;', checksum: 'c' },
      ]),
    ).rejects.toThrow(/002_bad.sql failed/);
    const { rows } = await pool.query("SELECT to_regclass('u') AS u");
    expect(rows[0]).toEqual({ u: null });
    await pool.end();
  });
});
