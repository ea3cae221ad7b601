import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { Ticket } from '../../src/conversation/types.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
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

  it('keeps messages for HTTP users across reopen until they are fetched', async () => {
    const path = dbPath();
    const a = openSqliteTicketStore(path);
    await a.pushInbox('web-1', '第一条', 1);
    await a.pushInbox('web-1', '第二条', 2);
    await a.close();
    const b = openSqliteTicketStore(path);
    expect(await b.takeInbox('web-1')).toEqual(['第一条', '第二条']);
    expect(await b.takeInbox('web-1')).toEqual([]);
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
});
