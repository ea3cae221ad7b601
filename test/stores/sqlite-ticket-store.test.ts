import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { Ticket } from '../../src/conversation/types.js';
import Database from 'better-sqlite3';
import { MIGRATIONS, openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { createConversationCore } from '../../src/conversation/conversation-core.js';
import { FakeAnswerEngine } from '../helpers/fake-answer-engine.js';
import { RecordingDesk } from '../helpers/recording-channels.js';

const dbPath = () => join(mkdtempSync(join(tmpdir(), 'store-')), 'data', 'gonghui.sqlite');
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 'T1', channel: 'wechat', conversationId: 'c', language: 'zh-Hans', category: 'urgent', reasons: ['injury'], summary: 's',
  transcript: [{ role: 'worker', text: '受伤了', at: 1 }], citations: [], status: 'open', createdAt: 1, updatedAt: 1, ...over,
});

describe('SQLite ticket store', () => {
  it('persists tickets, conversations and processed ids across reopen', async () => {
    const path = dbPath();
    const a = openSqliteTicketStore(path);
    await a.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
    await a.saveConversation({ channel: 'wechat', conversationId: 'c', state: 'queued', lang: 'zh-Hant', history: [{ role: 'worker', text: 'x' }], ticketId: 'T1', updatedAt: 5 });
    expect(await a.markProcessed('wechat', 'm1', 1)).toBe(true);
    await a.close();
    const b = openSqliteTicketStore(path);
    expect((await b.getTicket('T1'))?.transcript[0]?.text).toBe('受伤了');
    expect(await b.getConversation('wechat', 'c')).toMatchObject({ state: 'queued', lang: 'zh-Hant', ticketId: 'T1' });
    expect(await b.markProcessed('wechat', 'm1', 2)).toBe(false);
    expect(await b.dueOutbox(10, 10)).toHaveLength(1);
    await b.close();
  });

  it('keeps messages for HTTP users across reopen until they are acknowledged', async () => {
    const path = dbPath();
    const a = openSqliteTicketStore(path);
    await a.pushInbox('web-1', '第一条', 1);
    await a.pushInbox('web-1', '第二条', 2);
    await a.close();
    const b = openSqliteTicketStore(path);
    const waiting = await b.readInbox('web-1');
    expect(waiting.map((m) => m.text)).toEqual(['第一条', '第二条']);
    // A read deletes nothing; an acknowledgement removes what the client showed.
    expect(await b.readInbox('web-1')).toHaveLength(2);
    expect(await b.ackInbox('web-1', waiting[0]!.id)).toBe(1);
    expect((await b.readInbox('web-1')).map((m) => m.text)).toEqual(['第二条']);
    expect(await b.ackInbox('web-2', waiting[1]!.id)).toBe(0);
    await b.close();
  });

  it('claims a ticket once, atomically', async () => {
    const s = openSqliteTicketStore(dbPath());
    await s.saveTicket(ticket(), []);
    const [x, y] = await Promise.all([s.claimTicket('T1', 'U1', 2, []), s.claimTicket('T1', 'U2', 2, [])]);
    expect([x.claimed, y.claimed].filter(Boolean)).toHaveLength(1);
    expect((await s.getTicket('T1'))?.owner).toBe(x.claimed ? 'U1' : 'U2');
  });

  it('loses no ticket when the process is killed between writing and posting it', async () => {
    const path = dbPath();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/crash-mid-ticket.ts', path], { encoding: 'utf8' });
    expect(child.stdout).toContain('ticket written');
    expect(child.signal).toBe('SIGKILL');

    const store = openSqliteTicketStore(path);
    const desk = new RecordingDesk();
    const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices: loadNotices('knowledge') });
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(desk.posted).toHaveLength(1);
    expect(desk.posted[0]?.conversationId).toBe('c-crash');

    // The restarted core remembers the message id and that the case waits for staff.
    const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices: loadNotices('knowledge') });
    const redelivered = { channel: 'wechat', conversationId: 'c-crash', userId: 'u', messageId: 'm-crash', kind: 'text', text: '我在车间受伤了', timestamp: 1 } as const;
    // The redelivery gets the original answer (same ticket), and no second ticket.
    const again = await core.receive(redelivered);
    expect(again.status).toBe('repeat');
    expect(again.replies[0]?.text).toContain(desk.posted[0]!.id);
    expect(await core.handle(redelivered)).toEqual([]);
    const [forwarded] = await core.handle({ ...redelivered, messageId: 'm-after', text: '还在流血' });
    expect(forwarded?.text).toMatch(/已转给工会工作人员/);
    await dispatcher.drainOnce();
    expect(desk.thread.map((t) => t.text)).toEqual(['还在流血']);
    expect(desk.posted).toHaveLength(1);
    await store.close();
  }, 30_000);

  it('does not post a ticket twice when a crash came after posting but before marking it delivered', async () => {
    const store = openSqliteTicketStore(dbPath());
    await store.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
    const desk = new RecordingDesk();
    // First run: posted and its Slack ts recorded, then the process died.
    const ref = await desk.postTicket((await store.getTicket('T1'))!);
    await store.setSlackRef('T1', ref);
    const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices: loadNotices('knowledge') });
    await dispatcher.drainOnce();
    expect(desk.posted).toHaveLength(1);
    expect(await store.dueOutbox(Date.now() + 1e9, 10)).toHaveLength(0);
  });

  it('upgrades a version-2 database and keeps its undelivered events', async () => {
    const path = dbPath();
    mkdirSync(dirname(path), { recursive: true });
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 2)) old.exec(m);
    old.pragma('user_version = 2');
    old.prepare("INSERT INTO tickets (id, channel, conversation_id, body, status, created_at, updated_at) VALUES ('T1', 'wechat', 'c', ?, 'open', 1, 1)").run(JSON.stringify(ticket()));
    old.prepare("INSERT INTO outbox (kind, ticket_id, payload, due_at, created_at) VALUES ('ticket.post', 'T1', '{}', 1000, 1), ('worker.send', 'T1', '{\"text\":\"hi\"}', 1, 1)").run();
    old.close();
    const s = openSqliteTicketStore(path);
    // The desk event is backing off; the worker event is in another stream and goes at once.
    expect((await s.dueOutbox(10, 10)).map((i) => i.kind)).toEqual(['worker.send']);
    expect(await s.enqueueOnce('ticket.remind', 'T1', {}, 5, 'remind:T1')).toBe(true);
    expect(await s.stats()).toMatchObject({ openTickets: 1, pendingOutbox: 3 });
    await s.close();
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });

  it('holds back later events of a stream while an earlier one waits for its retry', async () => {
    const s = openSqliteTicketStore(dbPath());
    await s.saveTicket(ticket(), [{ kind: 'ticket.post', payload: {} }]);
    await s.saveTicket(ticket({ id: 'T2' }), [{ kind: 'ticket.post', payload: {} }]);
    const [first] = await s.dueOutbox(1, 10);
    await s.markFailed(first!.id, 1000);
    await s.enqueue('ticket.thread', 'T1', { text: 'later' }, 2);
    await s.enqueue('worker.send', 'T1', { text: 'to the worker' }, 2);
    expect((await s.dueOutbox(10, 10)).map((i) => `${i.ticketId} ${i.kind}`)).toEqual(['T2 ticket.post', 'T1 worker.send']);
    expect((await s.dueOutbox(1000, 10)).map((i) => `${i.ticketId} ${i.kind}`)).toEqual(['T1 ticket.post', 'T2 ticket.post', 'T1 ticket.thread', 'T1 worker.send']);
    expect((await s.dueOutbox(1000, 10))[0]?.attempts).toBe(1);
    await s.close();
  });

  it('updates a ticket atomically with its events, or not at all', async () => {
    const s = openSqliteTicketStore(dbPath());
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

  it('enqueues a keyed event once, even after the first was delivered and old events were pruned', async () => {
    const s = openSqliteTicketStore(dbPath());
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
    const s = openSqliteTicketStore(dbPath());
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

describe('SQLite ticket store files', () => {
  it('creates the database and its WAL files readable by the owner only (0600)', async () => {
    const path = dbPath();
    const s = openSqliteTicketStore(path);
    await s.saveTicket(ticket(), []);
    const { statSync, existsSync } = await import('node:fs');
    expect(existsSync(`${path}-wal`)).toBe(true);
    for (const f of [path, `${path}-wal`]) expect(statSync(f).mode & 0o777).toBe(0o600);
    await s.close();
  });
});
