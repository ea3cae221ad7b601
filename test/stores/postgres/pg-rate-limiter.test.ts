import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/conversation/rate-limiter.js';
import { openPgDatabase } from '../../../src/stores/postgres/pg-database.js';
import { createPgRateLimiter } from '../../../src/stores/postgres/pg-rate-limiter.js';
import { usePgServer } from '../../helpers/pg-suite.js';

const pg = usePgServer();

describe.skipIf(pg.skip)('PostgreSQL rate limiter', () => {
  it('makes the same decisions as the in-memory bucket, with the bucket shared by two instances', async () => {
    const url = await pg.server().freshDatabase();
    const dbs = [await openPgDatabase({ url }), await openPgDatabase({ url })];
    let t = 0;
    const settings = { perMinute: 6, burst: 2 };
    const shared = dbs.map((db) => createPgRateLimiter(db, settings, () => t));
    const memory = new RateLimiter(settings, () => t);
    const steps = [0, 0, 0, 0, 10_000, 10_000, 5_000, 0, 60_000, 0, 0, 0];
    const got: string[] = [];
    const want: string[] = [];
    for (const [i, dt] of steps.entries()) {
      t += dt;
      // Alternate instances: a worker whose messages land on both still has one bucket.
      got.push(await shared[i % 2]!.take('wechat:u1'));
      want.push(memory.take('wechat:u1'));
    }
    expect(got).toEqual(want);
    expect(got.slice(0, 4)).toEqual(['allow', 'allow', 'notice', 'drop']);
    expect(await shared[0]!.take('wechat:u2')).toBe('allow');
    await Promise.all(dbs.map((d) => d.close()));
  });

  it('lets exactly `burst` of many simultaneous messages through', async () => {
    const url = await pg.server().freshDatabase();
    const dbs = [await openPgDatabase({ url }), await openPgDatabase({ url })];
    const shared = dbs.map((db) => createPgRateLimiter(db, { perMinute: 1, burst: 3 }, () => 1_000));
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => shared[i % 2]!.take('http:flood')));
    expect(decisions.filter((d) => d === 'allow')).toHaveLength(3);
    expect(decisions.filter((d) => d === 'notice')).toHaveLength(1);
    expect(() => createPgRateLimiter(dbs[0]!, { perMinute: 0, burst: 1 })).toThrow();
    await Promise.all(dbs.map((d) => d.close()));
  });
});
