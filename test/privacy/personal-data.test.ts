import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/conversation-core.js';
import { loadNotices } from '../../src/conversation/notices.js';
import { loadEraseCommands } from '../../src/privacy/erase-command.js';
import { parseDataKey } from '../../src/config/data-key.js';
import { createFieldCipher, CLEAR_TEXT } from '../../src/privacy/field-cipher.js';
import { createRetentionJob } from '../../src/privacy/retention.js';
import type { InboundMessage } from '../../src/conversation/types.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../helpers/fake-answer-engine.js';

const KEY_HEX = 'a1'.repeat(32);
const cipher = createFieldCipher(parseDataKey(KEY_HEX));
const notices = loadNotices('knowledge');
const newPath = () => join(mkdtempSync(join(tmpdir(), 'pd-')), 'gonghui.sqlite');
let seq = 0;
const msg = (text: string, over: Partial<InboundMessage> = {}): InboundMessage => ({
  channel: 'wechat',
  conversationId: 'c1',
  userId: 'u1',
  messageId: `m${++seq}`,
  kind: 'text',
  text,
  timestamp: 0,
  ...over,
});
const rawDump = (path: string) => {
  const db = new Database(path, { readonly: true });
  const rows = ['tickets', 'conversations', 'inbound_messages', 'worker_inbox', 'outbox'].flatMap((t) =>
    db.prepare(`SELECT * FROM ${t}`).all(),
  );
  db.close();
  return JSON.stringify(rows);
};

describe('field cipher', () => {
  it('round-trips, uses a fresh IV per value, detects tampering and reads legacy clear values', () => {
    const a = cipher.encrypt('身份证110101199003078515');
    expect(a).toMatch(/^enc:v1:/);
    expect(cipher.encrypt('身份证110101199003078515')).not.toBe(a);
    expect(cipher.decrypt(a)).toBe('身份证110101199003078515');
    expect(cipher.decrypt('written before the key')).toBe('written before the key');
    const tampered = `${a.slice(0, -4)}AAA=`;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => createFieldCipher(parseDataKey('b2'.repeat(32))).decrypt(a)).toThrow();
    expect(() => CLEAR_TEXT.decrypt(a)).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(() => parseDataKey('short')).toThrow(/DATA_ENCRYPTION_KEY/);
  });
});

describe('personal data at rest', () => {
  it('keeps ID and phone numbers out of the database file: masked history, encrypted transcript', async () => {
    const path = newPath();
    const store = openSqliteTicketStore(path, { cipher });
    const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices });
    await core.handle(msg('我的电话13812345678，老板不给工资'));
    const { ticketId } = await core.receive(msg('我受伤了，身份证110101199003078515'));
    // A later message goes to the ticket's thread through the outbox.
    await core.handle(msg('工资卡6222021234567890123'));
    const ticket = await store.getTicket(ticketId!);
    // Staff still read the clear transcript through the store...
    expect(ticket?.transcript.map((e) => e.text).join()).toContain('110101199003078515');
    await store.close();
    // ...but the file holds neither number.
    const dump = rawDump(path);
    expect(dump).not.toContain('110101199003078515');
    expect(dump).not.toContain('13812345678');
    expect(dump).not.toContain('6222021234567890123');
  });
});

describe('retention', () => {
  it('purges old ordinary chats, old resolved tickets and old message ids, keeps what is open or recent', async () => {
    let clock = 1_000_000_000_000;
    const store = openSqliteTicketStore(newPath(), { cipher });
    const core = createConversationCore({
      engine: new FakeAnswerEngine(),
      store,
      notices,
      now: () => clock,
      rateLimit: { perMinute: 100, burst: 100 },
    });
    await core.handle(msg('年假几天', { conversationId: 'chat-old', userId: 'a' }));
    const { ticketId: closedId } = await core.receive(msg('转人工', { conversationId: 'closed', userId: 'b' }));
    await core.resolve(closedId!, 'U1');
    const { ticketId: openId } = await core.receive(msg('我受伤了', { conversationId: 'open', userId: 'c' }));
    clock += 40 * 86_400_000;
    await core.handle(msg('加班费', { conversationId: 'chat-new', userId: 'd' }));
    const job = createRetentionJob(
      store,
      { conversationsDays: 30, closedTicketsDays: 30, processedDays: 7 },
      undefined,
      () => clock,
    );
    const counts = await job.runOnce();
    expect(counts.closedTickets).toBe(1);
    expect(counts.conversations).toBe(2); // chat-old, and "closed" (back with the bot after resolve)
    expect(counts.processed).toBe(3);
    expect(await store.getTicket(closedId!)).toBeUndefined();
    expect(await store.getTicket(openId!)).toBeDefined();
    expect(await store.getConversation('wechat', 'chat-old')).toBeUndefined();
    expect(await store.getConversation('wechat', 'open')).toBeDefined();
    expect(await store.getConversation('wechat', 'chat-new')).toBeDefined();
    expect((await job.runOnce()).closedTickets).toBe(0);
  });
});

describe('erasure', () => {
  it('erases a worker\'s conversation, tickets and messages when they write "delete my data" (zh, vi)', async () => {
    const path = newPath();
    const store = openSqliteTicketStore(path, { cipher });
    const core = createConversationCore({
      engine: new FakeAnswerEngine(),
      store,
      notices,
      isEraseCommand: loadEraseCommands('knowledge'),
    });
    const { ticketId } = await core.receive(msg('我受伤了，电话13812345678'));
    const [done] = await core.handle(msg('删除我的数据'));
    expect(done?.text).toMatch(/已按您的要求删除/);
    expect(await store.getTicket(ticketId!)).toBeUndefined();
    expect(await store.getConversation('wechat', 'c1')).toBeUndefined();
    expect((await store.stats()).openTickets).toBe(0);
    // Nothing of the ticket is waiting to be posted any more.
    expect(await store.dueOutbox(Date.now() + 1e9, 10)).toEqual([]);

    await core.handle(msg('cong ty nợ lương', { conversationId: 'v1', userId: 'v' }));
    const [vi] = await core.handle(msg('Xóa dữ liệu của tôi!', { conversationId: 'v1', userId: 'v' }));
    expect(vi?.text).toMatch(/đã xóa/);
    expect(await store.getConversation('wechat', 'v1')).toBeUndefined();
    // An ordinary question that mentions deleting is a question, not a command.
    const [q] = await core.handle(msg('公司要求我删除我的数据怎么办', { conversationId: 'q1', userId: 'q' }));
    expect(q?.text).toMatch(/^answer to/);
    await store.close();
    expect(rawDump(path)).not.toContain('13812345678');
  });

  it('lets staff erase a conversation by ticket id from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'erase-cli-'));
    const store = openSqliteTicketStore(join(dir, 'gonghui.sqlite'), { cipher });
    const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices });
    const { ticketId } = await core.receive(msg('我受伤了'));
    await store.close();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/erase-data.ts', ticketId!], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dir, DATA_ENCRYPTION_KEY: KEY_HEX },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/1 ticket\(s\)/);
    const after = openSqliteTicketStore(join(dir, 'gonghui.sqlite'), { cipher });
    expect(await after.getTicket(ticketId!)).toBeUndefined();
    await after.close();
    expect(readFileSync(join(dir, 'gonghui.sqlite')).includes(Buffer.from(ticketId!))).toBe(false);
  }, 60_000);
});
