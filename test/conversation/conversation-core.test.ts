import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationCore, type ConversationCore } from '../../src/conversation/conversation-core.js';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { InboundMessage } from '../../src/conversation/types.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import type { TicketStore } from '../../src/stores/ticket-store.js';
import { FakeAnswerEngine } from '../helpers/fake-answer-engine.js';
import { RecordingDesk, RecordingSender } from '../helpers/recording-channels.js';

let store: TicketStore;
let engine: FakeAnswerEngine;
let core: ConversationCore;
let clock = 1_000_000;
let seq = 0;
const notices = loadNotices('knowledge');

function msg(text: string, over: Partial<InboundMessage> = {}): InboundMessage {
  seq += 1;
  return { channel: 'wechat', conversationId: 'c1', userId: 'u1', messageId: `m${seq}`, kind: 'text', text, timestamp: clock, ...over };
}

beforeEach(() => {
  store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'core-')), 'db.sqlite'));
  engine = new FakeAnswerEngine();
  core = createConversationCore({ engine, store, notices, now: () => clock, rateLimit: { perMinute: 60, burst: 5 } });
});

describe('conversation core', () => {
  it('answers once per platform message id', async () => {
    const m = msg('产假多少天');
    expect(await core.handle(m)).toHaveLength(1);
    expect(await core.handle(m)).toEqual([]);
    expect(engine.requests).toHaveLength(1);
  });

  it('passes history and the conversation language on for follow-ups', async () => {
    await core.handle(msg('工伤认定怎么办'));
    await core.handle(msg('那要怎么申请？'));
    expect(engine.requests[1]?.history?.map((t) => t.role)).toEqual(['worker', 'bot']);
    expect(engine.requests[1]?.conversationLang).toBe('zh-Hans');
  });

  it('sends one polite notice to a flood, then stays quiet until the bucket refills', async () => {
    const replies = [];
    for (let i = 0; i < 9; i += 1) replies.push(await core.handle(msg(`问题${i}`)));
    expect(replies.slice(0, 5).every((r) => r.length === 1 && r[0]!.text.startsWith('answer'))).toBe(true);
    expect(replies[5]![0]!.text).toMatch(/太多太快/);
    expect(replies.slice(6).every((r) => r.length === 0)).toBe(true);
    clock += 60_000;
    expect((await core.handle(msg('过了一分钟')))[0]?.text).toMatch(/^answer/);
  });

  it('asks for text when a voice message or image arrives', async () => {
    const [reply] = await core.handle(msg('', { kind: 'voice' }));
    expect(reply?.text).toContain('请用文字');
    expect(reply?.text).toContain('Bạn hãy nhập');
    expect(engine.requests).toHaveLength(0);
  });

  it('hands a case to staff and back: queued, forwarded, claimed, replied, resolved', async () => {
    const [opened] = await core.handle(msg('我在工地受伤了'));
    expect(opened?.text).toMatch(/工单号：T\d{8}-[0-9A-F]{6}/);
    const [ticket] = await store.listOpenTickets();
    expect(ticket).toMatchObject({ status: 'open', category: 'urgent', reasons: ['injury'], channel: 'wechat', conversationId: 'c1' });

    // While queued the bot does not answer; the message goes to the ticket, one notice only.
    const first = await core.handle(msg('老板还是不管'));
    const second = await core.handle(msg('怎么办'));
    expect(first[0]?.text).toMatch(/已转给工会工作人员/);
    expect(second).toEqual([]);
    expect(engine.requests).toHaveLength(1);
    expect((await store.getTicket(ticket!.id))?.transcript.filter((t) => t.role === 'worker').map((t) => t.text)).toEqual(['我在工地受伤了', '老板还是不管', '怎么办']);

    expect(await core.claim(ticket!.id, 'U_STAFF')).toMatchObject({ ok: true });
    expect(await core.claim(ticket!.id, 'U_OTHER')).toMatchObject({ ok: false, reason: 'already_claimed' });
    expect((await store.getConversation('wechat', 'c1'))?.state).toBe('owned');
    expect(await core.staffReply(ticket!.id, 'U_STAFF', '请先去医院，保留病历')).toBe(true);
    expect(await core.resolve(ticket!.id, 'U_STAFF')).toBe(true);
    expect((await store.getConversation('wechat', 'c1'))?.state).toBe('bot');
    expect((await core.handle(msg('年假几天')))[0]?.text).toBe('answer to: 年假几天');

    // Deliveries went through the outbox.
    const desk = new RecordingDesk();
    const sender = new RecordingSender('wechat');
    const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map([['wechat', sender]]), notices, now: () => clock });
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(desk.posted.map((t) => t.id)).toEqual([ticket!.id]);
    expect(desk.thread.map((t) => t.text)).toEqual(['老板还是不管', '怎么办']);
    expect(sender.sent.map((s) => s.text)).toEqual([
      expect.stringMatching(/已接手/),
      '【工会工作人员】请先去医院，保留病历',
      expect.stringMatching(/已处理完/),
    ]);
  });

  it('opens a person ticket when the worker asks for one, in Vietnamese', async () => {
    const [reply] = await core.handle(msg('cong ty: tôi muốn gặp cán bộ'));
    expect(reply?.text).toMatch(/Mã yêu cầu: T/);
    expect((await store.listOpenTickets())[0]).toMatchObject({ category: 'person', language: 'vi' });
  });

  it('masks ID numbers in the ticket summary shown to staff', async () => {
    await core.handle(msg('我受伤了，身份证110101199003078515'));
    const [ticket] = await store.listOpenTickets();
    expect(ticket?.summary).not.toContain('110101199003078515');
    expect(ticket?.transcript[0]?.text).toContain('110101199003078515');
  });
});

describe('outbox dispatcher', () => {
  it('retries a failed Slack post and posts the ticket exactly once', async () => {
    await core.handle(msg('我受伤了'));
    const desk = new RecordingDesk();
    desk.failNext = 1;
    const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices, now: () => clock });
    expect(await dispatcher.drainOnce()).toBe(0);
    clock += 5_000;
    expect(await dispatcher.drainOnce()).toBe(1);
    clock += 5_000;
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(desk.posted).toHaveLength(1);
  });

  it('keeps desk events waiting when Slack is not configured', async () => {
    await core.handle(msg('我受伤了'));
    const dispatcher = createOutboxDispatcher({ store, senders: new Map(), notices, now: () => clock });
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(await store.dueOutbox(clock + 3_600_000, 10)).toHaveLength(1);
  });

  it('reminds the channel once when an urgent ticket stays unclaimed', async () => {
    await core.handle(msg('我受伤了'));
    const desk = new RecordingDesk();
    const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices, reminderMinutes: 5, now: () => clock });
    await dispatcher.drainOnce();
    expect(await dispatcher.checkReminders()).toBe(0);
    clock += 6 * 60_000;
    expect(await dispatcher.checkReminders()).toBe(1);
    expect(await dispatcher.checkReminders()).toBe(0);
    await dispatcher.drainOnce();
    expect(desk.reminders).toHaveLength(1);
  });
});
