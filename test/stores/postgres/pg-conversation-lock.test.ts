import { describe, expect, it } from 'vitest';
import { createPgConversationLock } from '../../../src/stores/postgres/pg-conversation-lock.js';
import { openPgDatabase } from '../../../src/stores/postgres/pg-database.js';
import { usePgServer } from '../../helpers/pg-suite.js';

const pg = usePgServer();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// pg_locks lists the whole cluster, which other test files share (one database each): only this test's locks count.
const THIS_DATABASE = 'AND database = (SELECT oid FROM pg_database WHERE datname = current_database())';

describe.skipIf(pg.skip)('PostgreSQL conversation lock', () => {
  async function twoInstances() {
    const url = await pg.server().freshDatabase();
    const dbs = [await openPgDatabase({ url }), await openPgDatabase({ url })] as const;
    return { dbs, close: () => Promise.all(dbs.map((d) => d.close())) };
  }

  it('runs tasks of one conversation one at a time across instances, in arrival order, others alongside', async () => {
    const { dbs, close } = await twoInstances();
    const [a, b] = dbs.map((db) => createPgConversationLock(db));
    const events: string[] = [];
    // Each step waits for the state it needs, not for a time: on a loaded machine a lock request can take
    // longer than any fixed pause.
    const until = async (done: () => boolean | Promise<boolean>, what: string) => {
      for (let waited = 0; !(await done()); waited += 10) {
        if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
        await pause(10);
      }
    };
    const waitingLocks = async () =>
      (
        await dbs[0].pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted " + THIS_DATABASE,
        )
      ).rows[0]!.n;
    let releaseA1 = (): void => undefined;
    const a1Holds = new Promise<void>((resolve) => (releaseA1 = resolve));
    const task =
      (name: string, hold: Promise<void> = pause(10).then(() => undefined)) =>
      async () => {
        events.push(`start ${name}`);
        await hold;
        events.push(`end ${name}`);
        return name;
      };
    const first = a!.run('conv-1', task('a1', a1Holds));
    await until(() => events.includes('start a1'), 'a1 to take the lock');
    const second = b!.run('conv-1', task('b1'));
    await until(async () => (await waitingLocks()) >= 1, "b1's lock request to wait in PostgreSQL");
    const third = a!.run('conv-1', task('a2'));
    // Another conversation is not held up: it finishes while a1 still holds conv-1.
    expect(await b!.run('conv-2', task('other'))).toBe('other');
    expect(events).not.toContain('end a1');
    releaseA1();
    expect(await Promise.all([first, second, third])).toEqual(['a1', 'b1', 'a2']);
    expect(events.filter((e) => !e.endsWith('other'))).toEqual([
      'start a1',
      'end a1',
      'start b1',
      'end b1',
      'start a2',
      'end a2',
    ]);
    await close();
  });

  it("releases a dead instance's lock: its connection is gone, the next waiter runs", async () => {
    const { dbs, close } = await twoInstances();
    const [a, b] = dbs.map((db) => createPgConversationLock(db));
    let holderPid = 0;
    const stuck = a!.run('conv-1', async () => {
      // The instance "dies" while answering: its lock connection is cut off by the server.
      const { rows } = await dbs[1].pool.query<{ pid: number }>(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted " + THIS_DATABASE,
      );
      holderPid = rows[0]!.pid;
      await dbs[1].pool.query('SELECT pg_terminate_backend($1)', [holderPid]);
      await pause(100);
      return 'never committed';
    });
    await expect(stuck).rejects.toThrow();
    expect(holderPid).toBeGreaterThan(0);
    expect(await b!.run('conv-1', async () => 'next')).toBe('next');
    // The instance that lost its connection takes the lock again on a fresh one.
    expect(await a!.run('conv-1', async () => 'again')).toBe('again');
    await close();
  });
});
