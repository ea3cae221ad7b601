/**
 * The behaviour every TicketStore must have, run against each implementation
 * (SQLite and PostgreSQL) by its own test file.
 */
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { Ticket } from '../../src/conversation/types.js';
import type { TicketStore } from '../../src/stores/ticket-store.js';
import { RecordingDesk } from '../helpers/recording-channels.js';

export interface StoreUnderTest {
  /** A new, empty place for a store (a file path, a database URL). */
  newLocation(): Promise<string>;
  /** Opens (or reopens) the store at a location. */
  open(location: string): Promise<TicketStore>;
}

export const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 'T1', channel: 'wechat', conversationId: 'c', language: 'zh-Hans', category: 'urgent', reasons: ['injury'], summary: 's',
  transcript: [{ role: 'worker', text: '受伤了', at: 1 }], citations: [], status: 'open', createdAt: 1, updatedAt: 1, ...over,
});

export function describeTicketStoreContract(name: string, subject: () => StoreUnderTest): void {
  const fresh = async () => subject().open(await subject().newLocation());

  describe(`${name} ticket store contract`, () => {
    it('persists tickets, conversations and processed ids across reopen', async () => {
      const location = await subject().newLocation();
      const a = await subject().open(location);
      await a.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
      await a.saveConversation({ channel: 'wechat', conversationId: 'c', state: 'queued', lang: 'zh-Hant', history: [{ role: 'worker', text: 'x' }], ticketId: 'T1', updatedAt: 5 });
      expect(await a.markProcessed('wechat', 'm1', 1)).toBe(true);
      await a.close();
      const b = await subject().open(location);
      expect((await b.getTicket('T1'))?.transcript[0]?.text).toBe('受伤了');
      expect(await b.getConversation('wechat', 'c')).toEqual({ channel: 'wechat', conversationId: 'c', state: 'queued', lang: 'zh-Hant', history: [{ role: 'worker', text: 'x' }], ticketId: 'T1', updatedAt: 5 });
      expect(await b.markProcessed('wechat', 'm1', 2)).toBe(false);
      expect(await b.markProcessed('http', 'm1', 2)).toBe(true);
      expect(await b.dueOutbox(10, 10)).toHaveLength(1);
      expect(await b.getTicket('T-NONE')).toBeUndefined();
      expect(await b.getConversation('wechat', 'other')).toBeUndefined();
      await b.close();
    });

    it('keeps messages for HTTP users across reopen until they are fetched', async () => {
      const location = await subject().newLocation();
      const a = await subject().open(location);
      await a.pushInbox('web-1', '第一条', 1);
      await a.pushInbox('web-1', '第二条', 2);
      await a.pushInbox('web-2', 'other', 2);
      await a.close();
      const b = await subject().open(location);
      expect(await b.takeInbox('web-1')).toEqual(['第一条', '第二条']);
      expect(await b.takeInbox('web-1')).toEqual([]);
      expect(await b.takeInbox('web-2')).toEqual(['other']);
      await b.close();
    });

    it('claims a ticket once, atomically', async () => {
      const s = await fresh();
      await s.saveTicket(ticket(), []);
      const [x, y] = await Promise.all([s.claimTicket('T1', 'U1', 2, [{ kind: 'ticket.update', payload: {} }]), s.claimTicket('T1', 'U2', 2, [{ kind: 'ticket.update', payload: {} }])]);
      expect([x.claimed, y.claimed].filter(Boolean)).toHaveLength(1);
      expect((await s.getTicket('T1'))?.owner).toBe(x.claimed ? 'U1' : 'U2');
      expect(await s.dueOutbox(10, 10)).toHaveLength(1);
      expect(await s.claimTicket('T-NONE', 'U1', 2, [])).toEqual({ claimed: false });
      await s.close();
    });

    it('does not post a ticket twice when a crash came after posting but before marking it delivered', async () => {
      const store = await fresh();
      await store.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
      const desk = new RecordingDesk();
      // First run: posted and its Slack ts recorded, then the process died.
      const ref = await desk.postTicket((await store.getTicket('T1'))!);
      await store.setSlackRef('T1', ref);
      const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices: loadNotices('knowledge') });
      await dispatcher.drainOnce();
      expect(desk.posted).toHaveLength(1);
      expect(await store.dueOutbox(Date.now() + 1e9, 10)).toHaveLength(0);
      await store.close();
    });

    it('holds back later events of a stream while an earlier one waits for its retry', async () => {
      const s = await fresh();
      await s.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
      await s.saveTicket(ticket({ id: 'T2' }), [{ kind: 'ticket.post', payload: {} }]);
      const [first] = await s.dueOutbox(1, 10);
      await s.markFailed(first!.id, 1000);
      await s.enqueue('ticket.thread', 'T1', { text: 'later' }, 2);
      await s.enqueue('worker.send', 'T1', { text: 'to the worker' }, 2);
      expect((await s.dueOutbox(10, 10)).map((i) => `${i.ticketId} ${i.kind}`)).toEqual(['T2 ticket.post', 'T1 worker.send']);
      expect((await s.dueOutbox(1000, 10)).map((i) => `${i.ticketId} ${i.kind}`)).toEqual(['T1 ticket.post', 'T2 ticket.post', 'T1 ticket.thread', 'T1 worker.send']);
      const [retried] = await s.dueOutbox(1000, 10);
      expect(retried?.attempts).toBe(1);
      expect(JSON.parse((await s.dueOutbox(1000, 10))[2]!.payload)).toEqual({ text: 'later' });
      await s.close();
    });

    it('updates a ticket atomically with its events, or not at all', async () => {
      const s = await fresh();
      await s.saveTicket(ticket(), []);
      const changed = await s.updateTicket('T1', (t) => ({ ticket: { ...t, summary: 'new', updatedAt: 9 }, events: [{ kind: 'ticket.update', payload: {} }] }));
      expect(changed).toMatchObject({ changed: true, ticket: { summary: 'new' } });
      expect(await s.updateTicket('T1', () => undefined)).toMatchObject({ changed: false, ticket: { summary: 'new' } });
      expect(await s.updateTicket('T-NONE', (t) => ({ ticket: t, events: [] }))).toEqual({ changed: false });
      // A malformed or misdirected change is refused whole: neither the ticket nor an event is written.
      await expect(s.updateTicket('T1', (t) => ({ ticket: { ...t, summary: 'broken', citations: [{} as never] }, events: [{ kind: 'ticket.update', payload: {} }] }))).rejects.toThrow();
      await expect(s.updateTicket('T1', (t) => ({ ticket: { ...t, id: 'T9' }, events: [{ kind: 'ticket.update', payload: {} }] }))).rejects.toThrow(/T9/);
      expect((await s.getTicket('T1'))?.summary).toBe('new');
      expect((await s.dueOutbox(100, 10)).length).toBe(1);
      // The Slack ref survives a later rewrite of the ticket body through updateTicket.
      await s.setSlackRef('T1', { channel: 'C1', ts: '1.0' });
      await s.updateTicket('T1', (t) => ({ ticket: { ...t, status: 'claimed', owner: 'U1' }, events: [] }));
      expect((await s.getTicket('T1'))?.slack).toEqual({ channel: 'C1', ts: '1.0' });
      await s.close();
    });

    it('serialises concurrent changes of one ticket: none is lost', async () => {
      const s = await fresh();
      await s.saveTicket(ticket({ transcript: [] }), []);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          s.updateTicket('T1', (t) => ({ ticket: { ...t, transcript: [...t.transcript, { role: 'worker', text: `m${i}`, at: i }] }, events: [{ kind: 'ticket.thread', payload: { text: `m${i}` } }] })),
        ),
      );
      expect((await s.getTicket('T1'))?.transcript.map((t) => t.text).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
      expect(await s.stats()).toMatchObject({ pendingOutbox: 8 });
      await s.close();
    });

    it('lists unresolved tickets oldest first', async () => {
      const s = await fresh();
      await s.saveTicket(ticket({ id: 'T-new', createdAt: 20 }), []);
      await s.saveTicket(ticket({ id: 'T-old', createdAt: 10 }), []);
      await s.saveTicket(ticket({ id: 'T-done', createdAt: 5, status: 'resolved' }), []);
      expect((await s.listOpenTickets()).map((t) => t.id)).toEqual(['T-old', 'T-new']);
      await s.close();
    });

    it('enqueues a keyed event once, even after the first was delivered and old events were pruned', async () => {
      const s = await fresh();
      await s.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
      expect(await s.enqueueOnce('ticket.remind', 'T1', {}, 1, 'remind:T1')).toBe(true);
      expect(await s.enqueueOnce('ticket.remind', 'T1', {}, 2, 'remind:T1')).toBe(false);
      for (const item of await s.dueOutbox(10, 10)) await s.markDelivered(item.id, 10);
      await s.markProcessed('wechat', 'old', 5);
      await s.markProcessed('wechat', 'new', 500);
      expect(await s.prune(100)).toBe(2); // one processed id, the delivered unkeyed event
      expect(await s.markProcessed('wechat', 'new', 600)).toBe(false);
      expect(await s.enqueueOnce('ticket.remind', 'T1', {}, 3, 'remind:T1')).toBe(false);
      expect(await s.stats()).toMatchObject({ processedMessages: 1, pendingOutbox: 0 });
      await s.close();
    });

    it('saves an escalated conversation in the same transaction as its ticket', async () => {
      const s = await fresh();
      const conv = { channel: 'wechat', conversationId: 'c', state: 'queued', history: [], ticketId: 'T1', updatedAt: 1 } as const;
      await expect(s.saveTicket(ticket({ summary: 5 as never }), [{ kind: 'ticket.post', payload: {} }], conv)).rejects.toThrow();
      expect(await s.getConversation('wechat', 'c')).toBeUndefined();
      expect(await s.stats()).toMatchObject({ openTickets: 0, pendingOutbox: 0 });
      await s.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }], conv);
      expect(await s.getConversation('wechat', 'c')).toMatchObject({ state: 'queued', ticketId: 'T1' });
      expect(await s.stats()).toMatchObject({ openTickets: 1, pendingOutbox: 1, conversations: 1 });
      await s.close();
    });
  });
}
