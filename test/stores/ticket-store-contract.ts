/**
 * The behaviour every TicketStore must have, run against each implementation
 * (SQLite and PostgreSQL) by its own test file.
 */
import { CHANNEL_NAMES } from '../../src/conversation/types.js';
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { Ticket } from '../../src/conversation/types.js';
import type { TicketStore } from '../../src/conversation/ticket-store.js';
import { RecordingDesk } from '../helpers/recording-channels.js';
import { makeTicket } from '../helpers/tickets.js';

export interface StoreUnderTest {
  /** A new, empty place for a store (a file path, a database URL). */
  newLocation(): Promise<string>;
  /** Opens (or reopens) the store at a location. */
  open(location: string): Promise<TicketStore>;
}

export const ticket = (over: Partial<Ticket> = {}): Ticket =>
  makeTicket({ transcript: [{ role: 'worker', text: '受伤了', at: 1 }], ...over });

export function describeTicketStoreContract(name: string, subject: () => StoreUnderTest): void {
  const fresh = async () => subject().open(await subject().newLocation());

  describe(`${name} ticket store contract`, () => {
    it('persists tickets, conversations and processed ids across reopen', async () => {
      const location = await subject().newLocation();
      const a = await subject().open(location);
      await a.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
      await a.saveConversation({
        channel: 'wechat',
        conversationId: 'c',
        state: 'queued',
        lang: 'zh-Hant',
        history: [{ role: 'worker', text: 'x' }],
        ticketId: 'T1',
        updatedAt: 5,
      });
      expect(await a.markProcessed('wechat', 'm1', 1)).toBe(true);
      await a.close();
      const b = await subject().open(location);
      expect((await b.getTicket('T1'))?.transcript[0]?.text).toBe('受伤了');
      expect(await b.getConversation('wechat', 'c')).toEqual({
        channel: 'wechat',
        conversationId: 'c',
        state: 'queued',
        lang: 'zh-Hant',
        history: [{ role: 'worker', text: 'x' }],
        ticketId: 'T1',
        updatedAt: 5,
      });
      expect(await b.markProcessed('wechat', 'm1', 2)).toBe(false);
      expect(await b.markProcessed('http', 'm1', 2)).toBe(true);
      expect(await b.dueOutbox(10, 10)).toHaveLength(1);
      expect(await b.getTicket('T-NONE')).toBeUndefined();
      expect(await b.getConversation('wechat', 'other')).toBeUndefined();
      await b.close();
    });

    it('stores and lists tickets from every worker channel', async () => {
      const store = await fresh();
      for (const [i, channel] of CHANNEL_NAMES.entries())
        await store.saveTicket(ticket({ id: `T-${channel}`, channel, createdAt: i + 1, updatedAt: i + 1 }), []);
      expect((await store.listOpenTickets()).map((t) => t.channel)).toEqual([...CHANNEL_NAMES]);
      await store.close();
    });

    it('keeps messages for HTTP users across reopen until they are acknowledged', async () => {
      const location = await subject().newLocation();
      const a = await subject().open(location);
      await a.pushInbox('web-1', '第一条', 1);
      await a.pushInbox('web-1', '第二条', 2);
      await a.pushInbox('web-2', 'other', 2);
      await a.close();
      const b = await subject().open(location);
      const waiting = await b.readInbox('web-1');
      expect(waiting.map((m) => m.text)).toEqual(['第一条', '第二条']);
      expect(waiting.map((m) => m.at)).toEqual([1, 2]);
      // A read deletes nothing; an acknowledgement removes what the client showed.
      expect(await b.readInbox('web-1')).toHaveLength(2);
      expect(await b.ackInbox('web-1', waiting[0]!.id)).toBe(1);
      expect((await b.readInbox('web-1')).map((m) => m.text)).toEqual(['第二条']);
      expect(await b.ackInbox('web-2', waiting[1]!.id)).toBe(0);
      expect((await b.readInbox('web-2')).map((m) => m.text)).toEqual(['other']);
      await b.close();
    });

    it('claims a ticket once, atomically', async () => {
      const s = await fresh();
      await s.saveTicket(ticket(), []);
      const [x, y] = await Promise.all([
        s.claimTicket('T1', 'U1', 2, [{ kind: 'ticket.update', payload: {} }]),
        s.claimTicket('T1', 'U2', 2, [{ kind: 'ticket.update', payload: {} }]),
      ]);
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
      expect((await s.dueOutbox(10, 10)).map((i) => `${i.ticketId} ${i.kind}`)).toEqual([
        'T2 ticket.post',
        'T1 worker.send',
      ]);
      expect((await s.dueOutbox(1000, 10)).map((i) => `${i.ticketId} ${i.kind}`)).toEqual([
        'T1 ticket.post',
        'T2 ticket.post',
        'T1 ticket.thread',
        'T1 worker.send',
      ]);
      const [retried] = await s.dueOutbox(1000, 10);
      expect(retried?.attempts).toBe(1);
      expect(JSON.parse((await s.dueOutbox(1000, 10))[2]!.payload)).toEqual({ text: 'later' });
      await s.close();
    });

    it('updates a ticket atomically with its events, or not at all', async () => {
      const s = await fresh();
      await s.saveTicket(ticket(), []);
      const changed = await s.updateTicket('T1', (t) => ({
        ticket: { ...t, summary: 'new', updatedAt: 9 },
        events: [{ kind: 'ticket.update', payload: {} }],
      }));
      expect(changed).toMatchObject({ changed: true, ticket: { summary: 'new' } });
      expect(await s.updateTicket('T1', () => undefined)).toMatchObject({ changed: false, ticket: { summary: 'new' } });
      expect(await s.updateTicket('T-NONE', (t) => ({ ticket: t, events: [] }))).toEqual({ changed: false });
      // A malformed or misdirected change is refused whole: neither the ticket nor an event is written.
      await expect(
        s.updateTicket('T1', (t) => ({
          ticket: { ...t, summary: 'broken', citations: [{} as never] },
          events: [{ kind: 'ticket.update', payload: {} }],
        })),
      ).rejects.toThrow();
      await expect(
        s.updateTicket('T1', (t) => ({ ticket: { ...t, id: 'T9' }, events: [{ kind: 'ticket.update', payload: {} }] })),
      ).rejects.toThrow(/T9/);
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
          s.updateTicket('T1', (t) => ({
            ticket: { ...t, transcript: [...t.transcript, { role: 'worker', text: `m${i}`, at: i }] },
            events: [{ kind: 'ticket.thread', payload: { text: `m${i}` } }],
          })),
        ),
      );
      expect((await s.getTicket('T1'))?.transcript.map((t) => t.text).sort()).toEqual([
        'm0',
        'm1',
        'm2',
        'm3',
        'm4',
        'm5',
        'm6',
        'm7',
      ]);
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

    it('journals a message once, returns it on redelivery, finishes it with its ticket atomically', async () => {
      const s = await fresh();
      const key = { channel: 'wechat', userId: 'u1', messageId: 'm1' } as const;
      const inbound = {
        ...key,
        conversationId: 'c',
        kind: 'text',
        text: '我受伤了',
        urgency: 'urgent',
        receivedAt: 5,
      } as const;
      expect(await s.recordInbound(inbound)).toEqual({ created: true });
      expect(await s.recordInbound(inbound)).toMatchObject({
        created: false,
        record: { status: 'received', text: '我受伤了', urgency: 'urgent' },
      });
      // The same message id from another sender is another message.
      expect(await s.recordInbound({ ...inbound, userId: 'u2' })).toEqual({ created: true });
      expect((await s.pendingInbound(10)).map((r) => r.userId)).toEqual(['u1', 'u2']);
      const conv = {
        channel: 'wechat',
        conversationId: 'c',
        state: 'queued',
        history: [{ role: 'worker', text: '我受伤了' }],
        ticketId: 'T1',
        updatedAt: 6,
      } as const;
      expect(
        await s.finishMessage({
          key,
          status: 'answered',
          replies: '[{"text":"已转交"}]',
          at: 6,
          conversation: conv,
          newTicket: { ticket: ticket(), events: [{ kind: 'ticket.post', payload: {} }] },
        }),
      ).toBe(true);
      expect(await s.getInbound(key)).toMatchObject({
        status: 'answered',
        replies: '[{"text":"已转交"}]',
        ticketId: 'T1',
        text: '',
      });
      expect(await s.getConversation('wechat', 'c')).toMatchObject({ state: 'queued', ticketId: 'T1' });
      expect(await s.stats()).toMatchObject({ openTickets: 1, pendingOutbox: 1 });
      // A declined ticket change writes nothing of the outcome.
      const key2 = { ...key, userId: 'u2' };
      expect(
        await s.finishMessage({
          key: key2,
          status: 'answered',
          replies: '[]',
          at: 7,
          conversation: { ...conv, updatedAt: 99 },
          ticketChange: { id: 'T1', change: () => undefined },
        }),
      ).toBe(false);
      expect(await s.getInbound(key2)).toMatchObject({ status: 'received' });
      expect((await s.getConversation('wechat', 'c'))?.updatedAt).toBe(6);
      expect(
        await s.finishMessage({
          key: key2,
          status: 'failed',
          replies: '[]',
          at: 8,
          deliver: {
            stream: 'reply:wechat:c',
            events: [{ kind: 'reply.send', payload: { channel: 'wechat', conversationId: 'c', text: 'late answer' } }],
          },
        }),
      ).toBe(true);
      expect(await s.getInbound(key2)).toMatchObject({ status: 'failed', text: '我受伤了' });
      expect((await s.dueOutbox(100, 10)).map((i) => `${i.ticketId} ${i.kind}`)).toEqual([
        'T1 ticket.post',
        'reply:wechat:c reply.send',
      ]);
      await s.close();
    });

    it('purges what retention allows and keeps what is open or recent', async () => {
      const s = await fresh();
      await s.saveTicket(ticket({ id: 'T-old', status: 'resolved', updatedAt: 10 }), [
        { kind: 'ticket.update', payload: {} },
      ]);
      await s.saveTicket(ticket({ id: 'T-open', updatedAt: 10 }), []);
      await s.saveConversation({
        channel: 'wechat',
        conversationId: 'old-chat',
        state: 'bot',
        history: [],
        updatedAt: 10,
      });
      await s.saveConversation({
        channel: 'wechat',
        conversationId: 'waiting',
        state: 'queued',
        history: [],
        ticketId: 'T-open',
        updatedAt: 10,
      });
      await s.saveConversation({
        channel: 'wechat',
        conversationId: 'new-chat',
        state: 'bot',
        history: [],
        updatedAt: 500,
      });
      await s.pushInbox('web', 'old', 10);
      const key = { channel: 'http', userId: 'w', messageId: 'm' } as const;
      await s.recordInbound({ ...key, conversationId: 'w', kind: 'text', text: 'x', urgency: 'none', receivedAt: 10 });
      await s.finishMessage({ key, status: 'answered', replies: '[]', at: 10 });
      expect(await s.purge({ conversationsBefore: 100, closedTicketsBefore: 100, processedBefore: 100 })).toEqual({
        conversations: 1,
        closedTickets: 1,
        processed: 1,
        outbox: 1,
        inbox: 1,
      });
      expect((await s.listOpenTickets()).map((t) => t.id)).toEqual(['T-open']);
      expect(await s.getConversation('wechat', 'waiting')).toBeDefined();
      expect(await s.getConversation('wechat', 'new-chat')).toBeDefined();
      await s.close();
    });

    it('erases one conversation entirely and nothing of another', async () => {
      const s = await fresh();
      await s.saveTicket(ticket({ id: 'T-mine', channel: 'http', conversationId: 'me' }), [
        { kind: 'ticket.post', payload: {} },
      ]);
      await s.saveTicket(ticket({ id: 'T-other', channel: 'http', conversationId: 'other' }), [
        { kind: 'ticket.post', payload: {} },
      ]);
      await s.saveConversation({
        channel: 'http',
        conversationId: 'me',
        state: 'queued',
        history: [],
        ticketId: 'T-mine',
        updatedAt: 1,
      });
      await s.pushInbox('me', 'reply', 1);
      for (const messageId of ['m1', 'erase'])
        await s.recordInbound({
          channel: 'http',
          userId: 'me',
          messageId,
          conversationId: 'me',
          kind: 'text',
          text: messageId,
          urgency: 'none',
          receivedAt: 1,
        });
      expect(await s.eraseConversation('http', 'me', { userId: 'me', messageId: 'erase' })).toEqual({
        conversations: 1,
        tickets: 1,
        messages: 1,
        inbox: 1,
        outbox: 1,
        ticketIds: ['T-mine'],
      });
      expect(await s.getTicket('T-mine')).toBeUndefined();
      expect(await s.getInbound({ channel: 'http', userId: 'me', messageId: 'erase' })).toBeDefined();
      expect(await s.getTicket('T-other')).toBeDefined();
      expect(await s.stats()).toMatchObject({ openTickets: 1, pendingOutbox: 1 });
      await s.close();
    });

    it('marks a send in flight, dead-letters one without blocking its stream, reports outbox health', async () => {
      const s = await fresh();
      await s.saveTicket(ticket({ createdAt: 100 }), [
        { kind: 'ticket.post', payload: {} },
        { kind: 'ticket.update', payload: {} },
      ]);
      await s.saveTicket(ticket({ id: 'T2', category: 'person', createdAt: 100 }), []);
      expect(await s.unclaimedUrgentWithoutReminder(200)).toEqual(['T1']);
      expect(await s.unclaimedUrgentWithoutReminder(50)).toEqual([]);
      const [post] = await s.dueOutbox(1000, 1);
      expect(post).toMatchObject({ kind: 'ticket.post', destination: 'slack' });
      expect(post?.startedAt).toBeUndefined();
      await s.beginAttempt(post!.id, 1001);
      await s.markFailed(post!.id, 1002);
      expect((await s.dueOutbox(1002, 10))[0]).toMatchObject({ id: post!.id, startedAt: 1001, attempts: 1 });
      // Another destination is asked for: the stuck one is left out of the batch.
      expect(await s.dueOutbox(1002, 10, ['slack'])).toEqual([]);
      await s.markDead(post!.id, 1003, 'channel_not_found');
      expect((await s.dueOutbox(1003, 10)).map((i) => i.kind)).toEqual(['ticket.update']);
      const stats = await s.outboxStats(1100);
      expect(stats.destinations).toEqual([{ destination: 'slack', depth: 1, oldestAgeMs: 1099, deadLetters: 1 }]);
      expect(stats.oldestUnclaimedUrgentAgeMs).toBe(1000);
      await s.enqueueOnce('ticket.remind', 'T1', {}, 1004, 'remind:T1');
      expect(await s.unclaimedUrgentWithoutReminder(200)).toEqual([]);
      await s.close();
    });

    it('saves an escalated conversation in the same transaction as its ticket', async () => {
      const s = await fresh();
      const conv = {
        channel: 'wechat',
        conversationId: 'c',
        state: 'queued',
        history: [],
        ticketId: 'T1',
        updatedAt: 1,
      } as const;
      await expect(
        s.saveTicket(ticket({ summary: 5 as never }), [{ kind: 'ticket.post', payload: {} }], conv),
      ).rejects.toThrow();
      expect(await s.getConversation('wechat', 'c')).toBeUndefined();
      expect(await s.stats()).toMatchObject({ openTickets: 0, pendingOutbox: 0 });
      await s.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }], conv);
      expect(await s.getConversation('wechat', 'c')).toMatchObject({ state: 'queued', ticketId: 'T1' });
      expect(await s.stats()).toMatchObject({ openTickets: 1, pendingOutbox: 1, conversations: 1 });
      await s.close();
    });
  });
}
