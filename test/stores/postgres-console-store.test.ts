import { afterAll, describe } from 'vitest';
import { openPgDatabase, type PgDatabase } from '../../src/stores/postgres/pg-database.js';
import { createPostgresConsoleStore } from '../../src/stores/postgres-console-store.js';
import { usePgServer } from '../helpers/pg-suite.js';
import { describeConsoleStoreContract } from './console-store-contract.js';

const pg = usePgServer();
const opened: PgDatabase[] = [];
afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
});

describe.skipIf(pg.skip)('PostgreSQL', () => {
  describeConsoleStoreContract('PostgreSQL', async () => {
    const db = await openPgDatabase({ url: await pg.server().freshDatabase(), poolSize: 3, lockPoolSize: 1 });
    opened.push(db);
    return createPostgresConsoleStore(db);
  });
});
