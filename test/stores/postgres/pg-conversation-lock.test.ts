import { describe, expect, it } from 'vitest';
import { createPgConversationLock } from '../../../src/stores/postgres/pg-conversation-lock.js';
import { openPgDatabase } from '../../../src/stores/postgres/pg-database.js';
import { createPostgresTicketStore } from '../../../src/stores/postgres-ticket-store.js';
import { usePgServer } from '../../helpers/pg-suite.js';

const pg = usePgServer();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(pg.skip)('PostgreSQL conversation lock', () => {
  async function twoInstances() {
    const url = await pg.server().freshDatabase();
    const dbs = [await openPgDatabase({ url }), await openPgDatabase({ url })] as const;
    return { dbs, close: () => Promise.all(dbs.map((d) => d.close())) };
  }

  it('runs tasks of one conversation one at a time across instances, in arrival order, other conversations alongside', async () => {
    const { dbs, close } = await twoInstances();
    const [a, b] = dbs.map((db) => createPgConversationLock(db));
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await pause(ms);
      events.push(`end ${name}`);
      return name;
    };
    const first = a!.run('conv-1', task('a1', 150));
    await pause(50);
    const second = b!.run('conv-1', task('b1', 10));
    await pause(50);
    const third = a!.run('conv-1', task('a2', 10));
    const other = b!.run('conv-2', task('other', 10));
    expect(await Promise.all([first, second, third, other])).toEqual(['a1', 'b1', 'a2', 'other']);
    expect(events.filter((e) => !e.endsWith('other'))).toEqual(['start a1', 'end a1', 'start b1', 'end b1', 'start a2', 'end a2']);
    expect(events.indexOf('end other')).toBeLessThan(events.indexOf('end a1'));
    await close();
  });

  it('commits the task\'s store writes together, and none of them when the task fails', async () => {
    const { dbs, close } = await twoInstances();
    const lock = createPgConversationLock(dbs[0]);
    const store = createPostgresTicketStore(dbs[0]);
    const observer = createPostgresTicketStore(dbs[1]);
    await expect(
      lock.run('c', async () => {
        expect(await store.markProcessed('wechat', 'm1', 1)).toBe(true);
        await store.saveConversation({ channel: 'wechat', conversationId: 'c', state: 'bot', history: [], updatedAt: 1 });
        // Not visible to another instance before the task ends.
        expect(await observer.getConversation('wechat', 'c')).toBeUndefined();
        throw new Error('instance died mid-answer');
      }),
    ).rejects.toThrow('mid-answer');
    expect(await observer.getConversation('wechat', 'c')).toBeUndefined();
    // The message id is free again: a redelivery is answered.
    await lock.run('c', async () => {
      expect(await store.markProcessed('wechat', 'm1', 2)).toBe(true);
      await store.saveConversation({ channel: 'wechat', conversationId: 'c', state: 'bot', history: [{ role: 'worker', text: 'hi' }], updatedAt: 2 });
    });
    expect((await observer.getConversation('wechat', 'c'))?.history).toEqual([{ role: 'worker', text: 'hi' }]);
    expect(await observer.markProcessed('wechat', 'm1', 3)).toBe(false);
    await close();
  });

  it('keeps the task\'s other writes when one store change inside it is refused', async () => {
    const { dbs, close } = await twoInstances();
    const lock = createPgConversationLock(dbs[0]);
    const store = createPostgresTicketStore(dbs[0]);
    await lock.run('c', async () => {
      await store.markProcessed('wechat', 'm1', 1);
      await expect(store.saveTicket({ id: 'T1' } as never, [])).rejects.toThrow();
      await store.saveConversation({ channel: 'wechat', conversationId: 'c', state: 'bot', history: [], updatedAt: 1 });
    });
    expect(await createPostgresTicketStore(dbs[1]).getConversation('wechat', 'c')).toMatchObject({ state: 'bot' });
    await close();
  });
});
