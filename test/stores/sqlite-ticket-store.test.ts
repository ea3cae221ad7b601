import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import Database from 'better-sqlite3';
import { MIGRATIONS, openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { createConversationCore } from '../../src/conversation/conversation-core.js';
import { FakeAnswerEngine } from '../helpers/fake-answer-engine.js';
import { CRASH_MESSAGE } from '../fixtures/crash-mid-ticket-message.js';
import { RecordingDesk } from '../helpers/recording-channels.js';
import { describeTicketStoreContract, ticket } from './ticket-store-contract.js';

const dbPath = () => join(mkdtempSync(join(tmpdir(), 'store-')), 'data', 'gonghui.sqlite');

describeTicketStoreContract('SQLite', () => ({
  newLocation: async () => dbPath(),
  open: async (path) => openSqliteTicketStore(path),
}));

describe('SQLite ticket store', () => {
  it('loses no ticket when the process is killed between writing and posting it', async () => {
    const path = dbPath();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/crash-mid-ticket.ts', path], {
      encoding: 'utf8',
    });
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
    const redelivered = { ...CRASH_MESSAGE, timestamp: 1 };
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

  it('upgrades a version-2 database and keeps its undelivered events', async () => {
    const path = dbPath();
    mkdirSync(dirname(path), { recursive: true });
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, 2)) old.exec(m);
    old.pragma('user_version = 2');
    old
      .prepare(
        'INSERT INTO tickets (id, channel, conversation_id, body, status, created_at, updated_at) ' +
          "VALUES ('T1', 'wechat', 'c', ?, 'open', 1, 1)",
      )
      .run(JSON.stringify(ticket()));
    old
      .prepare(
        'INSERT INTO outbox (kind, ticket_id, payload, due_at, created_at) ' +
          "VALUES ('ticket.post', 'T1', '{}', 1000, 1), ('worker.send', 'T1', '{\"text\":\"hi\"}', 1, 1)",
      )
      .run();
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
