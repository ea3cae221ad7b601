import { describe, expect, it } from 'vitest';
import { parseDataKey } from '../../src/config/data-key.js';
import { createFieldCipher } from '../../src/privacy/field-cipher.js';
import { openPgDatabase, type PgDatabase } from '../../src/stores/postgres/pg-database.js';
import { createPostgresTicketStore } from '../../src/stores/postgres-ticket-store.js';
import { usePgServer } from '../helpers/pg-suite.js';
import { describeTicketStoreContract, ticket } from './ticket-store-contract.js';

const pg = usePgServer();

describe.skipIf(pg.skip)('PostgreSQL', () => {
  describeTicketStoreContract('PostgreSQL', () => ({
    newLocation: () => pg.server().freshDatabase(),
    open: async (url) => createPostgresTicketStore(await openPgDatabase({ url, poolSize: 4, lockPoolSize: 2 })),
  }));

  it('keeps personal data encrypted at rest with DATA_ENCRYPTION_KEY, and clear through the store', async () => {
    const db = await openPgDatabase({ url: await pg.server().freshDatabase() });
    const s = createPostgresTicketStore(db, { cipher: createFieldCipher(parseDataKey('a1'.repeat(32))) });
    const id = '110101199003078515';
    await s.saveTicket(
      ticket({ transcript: [{ role: 'worker', text: `身份证${id}`, at: 1 }] }),
      [{ kind: 'worker.send', payload: { text: id } }],
      {
        channel: 'wechat',
        conversationId: 'c',
        state: 'queued',
        history: [{ role: 'worker', text: id }],
        ticketId: 'T1',
        updatedAt: 1,
      },
    );
    await s.pushInbox('web', id, 1);
    await s.recordInbound({
      channel: 'http',
      userId: 'w',
      messageId: 'm',
      conversationId: 'w',
      kind: 'text',
      text: id,
      urgency: 'none',
      receivedAt: 1,
    });
    expect((await s.getTicket('T1'))?.transcript[0]?.text).toBe(`身份证${id}`);
    expect((await s.getConversation('wechat', 'c'))?.history[0]?.text).toBe(id);
    expect((await s.readInbox('web'))[0]?.text).toBe(id);
    expect(JSON.parse((await s.dueOutbox(10, 10))[0]!.payload)).toEqual({ text: id });
    const raw = await Promise.all(
      ['tickets', 'conversations', 'worker_inbox', 'outbox', 'inbound_messages'].map(async (t) =>
        JSON.stringify((await db.pool.query(`SELECT * FROM ${t}`)).rows),
      ),
    );
    expect(raw.join()).not.toContain(id);
    await s.close();
  });

  describe('PostgreSQL ticket store with several instances', () => {
    /** Two instances on one database: separate pools and instance ids, as two processes would have. */
    async function twoInstances(leaseMs = 60_000) {
      const url = await pg.server().freshDatabase();
      const dbs: PgDatabase[] = [
        await openPgDatabase({ url, poolSize: 4 }),
        await openPgDatabase({ url, poolSize: 4 }),
      ];
      const [a, b] = dbs.map((db, i) => createPostgresTicketStore(db, { outboxLeaseMs: leaseMs, instanceId: `i${i}` }));
      return { a: a!, b: b!, close: () => Promise.all([a!.close(), b!.close()]) };
    }

    it('decides de-duplication in the database: one of two instances wins a message id', async () => {
      const { a, b, close } = await twoInstances();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).markProcessed('wechat', 'same-id', i)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      await close();
    });

    it('gives each outbox item to one instance, and a stream to one instance at a time', async () => {
      const { a, b, close } = await twoInstances();
      for (let t = 0; t < 6; t += 1)
        await a.saveTicket(ticket({ id: `T${t}` }), [
          { kind: 'ticket.post', payload: {} },
          { kind: 'ticket.update', payload: {} },
        ]);
      const [fromA, fromB] = await Promise.all([a.dueOutbox(10, 5), b.dueOutbox(10, 50)]);
      const ids = [...fromA, ...fromB].map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Whoever holds the first item of a ticket's desk stream holds the items after it too.
      const holder = new Map<string, string>();
      for (const [who, items] of [
        ['a', fromA],
        ['b', fromB],
      ] as const) {
        for (const item of items) {
          expect(holder.get(item.ticketId) ?? who).toBe(who);
          holder.set(item.ticketId, who);
        }
      }
      expect(ids.length).toBeGreaterThanOrEqual(5);
      await close();
    });

    it("passes a dead instance's claimed items to another once the lease expires", async () => {
      const { a, b, close } = await twoInstances(1_000);
      await a.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
      expect(await a.dueOutbox(10, 10)).toHaveLength(1); // a claims it, then "dies"
      expect(await b.dueOutbox(500, 10)).toHaveLength(0);
      const [taken] = await b.dueOutbox(1_011, 10);
      expect(taken?.kind).toBe('ticket.post');
      await b.markDelivered(taken!.id, 1_012);
      expect(await a.dueOutbox(5_000, 10)).toHaveLength(0);
      await close();
    });

    it('enqueues a reminder once when two instances check at the same moment', async () => {
      const { a, b, close } = await twoInstances();
      await a.saveTicket(ticket(), []);
      const won = await Promise.all([
        a.enqueueOnce('ticket.remind', 'T1', {}, 1, 'remind:T1'),
        b.enqueueOnce('ticket.remind', 'T1', {}, 1, 'remind:T1'),
      ]);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await a.stats()).toMatchObject({ pendingOutbox: 1 });
      await close();
    });

    it('finishes a message once when two instances race to answer it', async () => {
      const { a, b, close } = await twoInstances();
      const key = { channel: 'http', userId: 'w1', messageId: 'm1' } as const;
      const created = await Promise.all(
        [a, b].map((s) =>
          s.recordInbound({ ...key, conversationId: 'w1', kind: 'text', text: 'hi', urgency: 'none', receivedAt: 1 }),
        ),
      );
      expect(created.filter((c) => c.created)).toHaveLength(1);
      expect(await b.pendingInbound(10)).toHaveLength(1);
      await a.finishMessage({ key, status: 'answered', replies: '[{"text":"hello"}]', at: 2 });
      expect(await b.getInbound(key)).toMatchObject({ status: 'answered', replies: '[{"text":"hello"}]', text: '' });
      expect(await b.pendingInbound(10)).toHaveLength(0);
      await close();
    });
  });
});
