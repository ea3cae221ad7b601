import { describe, expect, it } from 'vitest';
import { openPgDatabase } from '../../src/stores/postgres/pg-database.js';
import { openPostgresApiKeyStore } from '../../src/stores/postgres-api-key-store.js';
import { usePgServer } from '../helpers/pg-suite.js';

const pg = usePgServer();

describe.skipIf(pg.skip)('PostgreSQL API key store', () => {
  it('verifies a key created on another instance after a refresh, and stops verifying it once revoked', async () => {
    const url = await pg.server().freshDatabase();
    const dbs = [await openPgDatabase({ url }), await openPgDatabase({ url })];
    const [a, b] = await Promise.all(dbs.map((db) => openPostgresApiKeyStore(db, 60_000)));
    const { key, info } = a!.create('union-site', 1);
    expect(a!.verify(key)).toBe('union-site');
    await a!.flush();
    expect(b!.verify(key)).toBeUndefined(); // not refreshed yet
    await b!.refresh();
    expect(b!.verify(key)).toBe('union-site');
    expect(b!.verify(key.slice(0, -2) + 'xx')).toBeUndefined();
    expect(b!.verify('not a key')).toBeUndefined();
    expect(b!.list()).toEqual([info]);
    expect(b!.revoke('union-site', 2)).toBe(1);
    await b!.flush();
    await a!.refresh();
    expect(a!.verify(key)).toBeUndefined();
    expect(a!.list()[0]).toMatchObject({ keyId: info.keyId, revokedAt: 2 });
    expect(() => a!.create('Bad Name')).toThrow(/integration name/);
    for (const s of [a!, b!]) s.close();
    await Promise.all(dbs.map((d) => d.close()));
  });
});
