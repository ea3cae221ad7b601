import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createConversationCore, type ConversationCore } from '../../src/conversation/conversation-core.js';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { InboundMessage, Ticket } from '../../src/conversation/types.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import type { TicketStore } from '../../src/conversation/ticket-store.js';
import { FakeAnswerEngine } from '../helpers/fake-answer-engine.js';
import { RecordingDesk, RecordingSender } from '../helpers/recording-channels.js';

/** A desk whose first `failures` thread posts fail. */
class FlakyThreadDesk extends RecordingDesk {
  constructor(private failures: number) {
    super();
  }
  override async postToThread(ticket: Ticket, text: string) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('slack 500');
    }
    await super.postToThread(ticket, text);
  }
}

let store: TicketStore;
let engine: FakeAnswerEngine;
let core: ConversationCore;
let clock = 1_000_000;
let seq = 0;
const notices = loadNotices('knowledge');

function msg(text: string, over: Partial<InboundMessage> = {}): InboundMessage {
  seq += 1;
  return {
    channel: 'wechat',
    conversationId: 'c1',
    userId: 'u1',
    messageId: `m${seq}`,
    kind: 'text',
    text,
    timestamp: clock,
    ...over,
  };
}

beforeEach(() => {
  store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'core-')), 'db.sqlite'));
  engine = new FakeAnswerEngine();
  core = createConversationCore({ engine, store, notices, now: () => clock, rateLimit: { perMinute: 60, burst: 5 } });
});

describe('conversation core', () => {
  it('answers once per platform message id and returns the original replies on a repeat', async () => {
    const m = msg('产假多少天');
    const first = await core.handle(m);
    expect(first).toHaveLength(1);
    expect(await core.receive(m)).toMatchObject({ status: 'repeat', replies: first });
    // A push channel's redelivery sends nothing again.
    expect(await core.handle(m)).toEqual([]);
    expect(engine.requests).toHaveLength(1);
  });

  it('keys idempotency by sender: another user with the same message id is answered', async () => {
    const m = msg('产假多少天');
    await core.handle(m);
    const other = await core.receive({ ...m, userId: 'u2', conversationId: 'c2', text: '年假几天' });
    expect(other.status).toBe('answered');
    expect(other.replies[0]?.text).toBe('answer to: 年假几天');
  });

  it('gives a redelivery that arrives while the first is being answered the same replies, answered once', async () => {
    let open!: () => void;
    engine.gate = new Promise((r) => (open = r));
    const m = msg('加班费怎么算');
    const a = core.receive(m);
    const b = core.receive(m);
    open();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.status).toBe('answered');
    expect(rb).toMatchObject({ status: 'repeat', replies: ra.replies });
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
    expect(ticket).toMatchObject({
      status: 'open',
      category: 'urgent',
      reasons: ['injury'],
      channel: 'wechat',
      conversationId: 'c1',
    });

    // While queued the bot does not answer; the message goes to the ticket, one notice only.
    const first = await core.handle(msg('老板还是不管'));
    const second = await core.handle(msg('怎么办'));
    expect(first[0]?.text).toMatch(/已转给工会工作人员/);
    expect(second).toEqual([]);
    expect(engine.requests).toHaveLength(1);
    expect(
      (await store.getTicket(ticket!.id))?.transcript.filter((t) => t.role === 'worker').map((t) => t.text),
    ).toEqual(['我在工地受伤了', '老板还是不管', '怎么办']);

    expect(await core.claim(ticket!.id, 'U_STAFF')).toMatchObject({ ok: true });
    expect(await core.claim(ticket!.id, 'U_OTHER')).toMatchObject({ ok: false, reason: 'already_claimed' });
    expect((await store.getConversation('wechat', 'c1'))?.state).toBe('owned');
    expect(await core.staffReply(ticket!.id, 'U_STAFF', '请先去医院，保留病历')).toEqual({ ok: true });
    expect(await core.resolve(ticket!.id, 'U_STAFF')).toBe(true);
    expect((await store.getConversation('wechat', 'c1'))?.state).toBe('bot');
    expect((await core.handle(msg('年假几天')))[0]?.text).toBe('answer to: 年假几天');

    // Deliveries went through the outbox.
    const desk = new RecordingDesk();
    const sender = new RecordingSender('wechat');
    const dispatcher = createOutboxDispatcher({
      store,
      desk,
      senders: new Map([['wechat', sender]]),
      notices,
      now: () => clock,
    });
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
    expect(reply?.text).toMatch(/mã yêu cầu: T\d{8}-/);
    expect((await store.listOpenTickets())[0]).toMatchObject({ category: 'person', language: 'vi' });
  });

  it('masks ID numbers in the ticket summary shown to staff', async () => {
    await core.handle(msg('我受伤了，身份证110101199003078515'));
    const [ticket] = await store.listOpenTickets();
    expect(ticket?.summary).not.toContain('110101199003078515');
    expect(ticket?.transcript[0]?.text).toContain('110101199003078515');
  });
});

describe('conversation core: languages, limits and failures', () => {
  it('keeps only the last N turns of history', async () => {
    core = createConversationCore({
      engine,
      store,
      notices,
      now: () => clock,
      historyTurns: 4,
      rateLimit: { perMinute: 60, burst: 10 },
    });
    for (const q of ['一', '二', '三', '四']) await core.handle(msg(`问题${q}`));
    expect(engine.requests[3]?.history?.map((t) => t.text)).toEqual([
      '问题二',
      'answer to: 问题二',
      '问题三',
      'answer to: 问题三',
    ]);
    expect((await store.getConversation('wechat', 'c1'))?.history).toHaveLength(4);
  });

  it('asks for text in the conversation language once it is known', async () => {
    await core.handle(msg('cong ty nợ lương thì làm sao?'));
    const [vi] = await core.handle(msg('', { kind: 'image' }));
    expect(vi?.text).toBe(notices('not_text', 'vi'));
    await core.handle(msg('請問加班費怎麼算', { conversationId: 'c-hant', userId: 'u-hant' }));
    const [hant] = await core.handle(msg('', { kind: 'voice', conversationId: 'c-hant', userId: 'u-hant' }));
    expect(hant?.text).toContain('請用文字');
    expect(hant?.text).not.toContain('请用文字');
  });

  it('sends the rate-limit notice in the worker language', async () => {
    const replies = [];
    for (let i = 0; i < 7; i += 1) replies.push(await core.handle(msg(`cong ty nợ lương ${i}`)));
    expect(replies[5]?.[0]?.text).toMatch(/quá nhanh/);
    expect(replies[6]).toEqual([]);
  });

  it('rate-limits each worker on their own', async () => {
    for (let i = 0; i < 6; i += 1) await core.handle(msg(`问题${i}`));
    const [other] = await core.handle(msg('我也有问题', { userId: 'u2', conversationId: 'c2' }));
    expect(other?.text).toBe('answer to: 我也有问题');
  });

  it('apologises when the answer engine fails and answers the next message', async () => {
    let fail = true;
    core = createConversationCore({
      engine: new FakeAnswerEngine(() => (fail ? new Error('index missing') : undefined)),
      store,
      notices,
      now: () => clock,
      noticeValues: { union_hotline: '12351' },
    });
    const [sorry] = await core.handle(msg('产假多少天'));
    expect(sorry?.text).toBe(notices('engine_error', 'zh-Hans', { union_hotline: '12351' }));
    expect(sorry?.text).toContain('12351');
    fail = false;
    expect((await core.handle(msg('产假多少天？')))[0]?.text).toBe('answer to: 产假多少天？');
  });

  it('does not pass the language of an invalid message on to the conversation', async () => {
    core = createConversationCore({
      engine: new FakeAnswerEngine((r) =>
        r.text === '???' ? { mode: 'invalid_input', language: 'zh-Hans' } : undefined,
      ),
      store,
      notices,
      now: () => clock,
    });
    await core.handle(msg('cong ty nợ lương'));
    await core.handle(msg('???'));
    expect((await store.getConversation('wechat', 'c1'))?.lang).toBe('vi');
  });
});

describe('conversation core: hand-off edge cases', () => {
  it('serialises messages of a conversation: one sent while the escalation is answered goes to staff', async () => {
    let open: () => void = () => undefined;
    engine.gate = new Promise((resolve) => (open = resolve));
    const first = core.handle(msg('我在工地受伤了'));
    const second = core.handle(msg('手还在流血'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(a[0]?.text).toMatch(/工单号/);
    expect(b[0]?.text).toMatch(/已转给工会工作人员/);
    expect(engine.requests).toHaveLength(1);
    expect(await store.listOpenTickets()).toHaveLength(1);
  });

  it('keeps both a claim and a worker message that arrive together', async () => {
    await core.handle(msg('我受伤了'));
    const [ticket] = await store.listOpenTickets();
    await Promise.all([core.handle(msg('还在吗')), core.claim(ticket!.id, 'U_A'), core.handle(msg('请回复'))]);
    const after = await store.getTicket(ticket!.id);
    expect(after).toMatchObject({ status: 'claimed', owner: 'U_A' });
    expect(after?.transcript.filter((t) => t.role === 'worker').map((t) => t.text)).toEqual([
      '我受伤了',
      '还在吗',
      '请回复',
    ]);
    expect((await store.getConversation('wechat', 'c1'))?.state).toBe('owned');
  });

  it('treats a double click by the owner as one claim', async () => {
    await core.handle(msg('我受伤了'));
    const [ticket] = await store.listOpenTickets();
    expect(await core.claim(ticket!.id, 'U_A')).toMatchObject({ ok: true });
    expect(await core.claim(ticket!.id, 'U_A')).toMatchObject({ ok: true, ticket: { owner: 'U_A' } });
    expect(await core.claim(ticket!.id, 'U_B')).toMatchObject({
      ok: false,
      reason: 'already_claimed',
      ticket: { owner: 'U_A' },
    });
    expect(await core.claim('T-NONE', 'U_A')).toEqual({ ok: false, reason: 'not_found' });
    const kinds = (await store.dueOutbox(clock + 1, 50)).map((i) => i.kind);
    expect(kinds.filter((k) => k === 'worker.send')).toHaveLength(1);
  });

  it('refuses staff replies and claims on a resolved ticket, and empty replies', async () => {
    await core.handle(msg('我受伤了'));
    const [ticket] = await store.listOpenTickets();
    expect(await core.staffReply(ticket!.id, 'U_A', '   ')).toEqual({ ok: false, reason: 'empty' });
    expect(await core.resolve(ticket!.id, 'U_A')).toBe(true);
    expect(await core.resolve(ticket!.id, 'U_A')).toBe(false);
    expect(await core.staffReply(ticket!.id, 'U_A', '还有事吗')).toEqual({ ok: false, reason: 'resolved' });
    expect(await core.staffReply('T-NONE', 'U_A', '还有事吗')).toEqual({ ok: false, reason: 'not_found' });
    expect(await core.claim(ticket!.id, 'U_B')).toMatchObject({ ok: false, reason: 'resolved' });
  });

  it('lets only the owner (or a lead) reply, and only after an explicit claim', async () => {
    const withLead = createConversationCore({ engine, store, notices, now: () => clock, leads: ['U_LEAD'] });
    await withLead.handle(msg('我受伤了'));
    const [ticket] = await store.listOpenTickets();
    expect(await withLead.staffReply(ticket!.id, 'U_A', '您好')).toEqual({ ok: false, reason: 'not_claimed' });
    expect(await store.getTicket(ticket!.id)).toMatchObject({ status: 'open' });
    await withLead.claim(ticket!.id, 'U_A');
    expect(await withLead.staffReply(ticket!.id, 'U_B', '我来回答')).toEqual({ ok: false, reason: 'not_owner' });
    expect(await withLead.staffReply(ticket!.id, 'U_A', '您好')).toEqual({ ok: true });
    expect(await withLead.staffReply(ticket!.id, 'U_LEAD', '组长补充')).toEqual({ ok: true });
    expect(
      (await store.getTicket(ticket!.id))?.transcript.filter((e) => e.role === 'staff').map((e) => e.text),
    ).toEqual(['您好', '组长补充']);
  });

  it('answers again when the ticket was resolved but the conversation still looked queued', async () => {
    await core.handle(msg('我受伤了'));
    const [ticket] = await store.listOpenTickets();
    await store.updateTicket(ticket!.id, (t) => ({ ticket: { ...t, status: 'resolved' }, events: [] }));
    expect((await core.handle(msg('年假几天')))[0]?.text).toBe('answer to: 年假几天');
    const conv = await store.getConversation('wechat', 'c1');
    expect(conv?.state).toBe('bot');
    expect(conv?.ticketId).toBeUndefined();
  });

  it('forwards a voice message to staff as a marker while the case is queued', async () => {
    await core.handle(msg('我受伤了'));
    await core.handle(msg('', { kind: 'voice' }));
    const [ticket] = await store.listOpenTickets();
    expect(ticket?.transcript.at(-1)).toMatchObject({ role: 'worker', text: '[voice]' });
  });

  it('sends the "passed to staff" notice again only after the gap', async () => {
    core = createConversationCore({
      engine,
      store,
      notices,
      now: () => clock,
      forwardNoticeGapMs: 5 * 60_000,
      rateLimit: { perMinute: 60, burst: 10 },
    });
    await core.handle(msg('我受伤了'));
    expect(await core.handle(msg('一'))).toHaveLength(1);
    expect(await core.handle(msg('二'))).toEqual([]);
    clock += 5 * 60_000;
    expect(await core.handle(msg('三'))).toHaveLength(1);
  });

  it('writes a masked summary: category, what happened (also earlier), what the worker asks, facts found', async () => {
    await core.handle(msg('我在厂里工作了2年，老板从3月起不给工资'));
    await core.handle(msg('我受伤了\n电话13812345678\n\n怎么办'));
    const [ticket] = await store.listOpenTickets();
    const lines = ticket!.summary.split('\n');
    expect(lines[0]).toBe('[urgent: injury] (zh-Hans)');
    expect(lines.find((l) => l.startsWith('What happened:'))).toContain('老板从3月起不给工资');
    expect(lines).toContain('Asks: 「怎么办」');
    expect(lines).toContain('Tenure: 工作了2年');
    expect(lines).toContain('Dates: 3月');
    expect(ticket?.summary).not.toContain('13812345678');
  });

  it('never logs message text at info level', async () => {
    const lines: string[] = [];
    const { pino } = await import('pino');
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    core = createConversationCore({ engine, store, notices, now: () => clock, logger });
    await core.handle(msg('我受伤了，身份证110101199003078515'));
    const [ticket] = await store.listOpenTickets();
    await core.claim(ticket!.id, 'U_A');
    await core.staffReply(ticket!.id, 'U_A', '请去医院');
    await core.resolve(ticket!.id, 'U_A');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/受伤|110101199003078515|请去医院/);
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
    const dispatcher = createOutboxDispatcher({
      store,
      desk,
      senders: new Map(),
      notices,
      reminderMinutes: 5,
      now: () => clock,
    });
    await dispatcher.drainOnce();
    expect(await dispatcher.checkReminders()).toBe(0);
    clock += 6 * 60_000;
    expect(await dispatcher.checkReminders()).toBe(1);
    expect(await dispatcher.checkReminders()).toBe(0);
    await dispatcher.drainOnce();
    expect(desk.reminders).toHaveLength(1);
  });
  it('keeps the order of thread messages when one delivery fails', async () => {
    await core.handle(msg('我受伤了'));
    for (const t of ['一', '二', '三']) await core.handle(msg(t));
    const desk = new FlakyThreadDesk(1);
    const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices, now: () => clock });
    await dispatcher.drainOnce();
    expect(desk.thread).toEqual([]);
    clock += 2_000;
    await dispatcher.drainOnce();
    expect(desk.thread.map((t) => t.text)).toEqual(['一', '二', '三']);
  });

  it('remembers a sent reminder across a restart of the dispatcher', async () => {
    await core.handle(msg('我受伤了'));
    const first = createOutboxDispatcher({
      store,
      desk: new RecordingDesk(),
      senders: new Map(),
      notices,
      reminderMinutes: 5,
      now: () => clock,
    });
    clock += 6 * 60_000;
    expect(await first.checkReminders()).toBe(1);
    const second = createOutboxDispatcher({
      store,
      desk: new RecordingDesk(),
      senders: new Map(),
      notices,
      reminderMinutes: 5,
      now: () => clock,
    });
    expect(await second.checkReminders()).toBe(0);
  });

  it('does not remind about a ticket claimed before the reminder went out', async () => {
    await core.handle(msg('我受伤了'));
    const desk = new RecordingDesk();
    const dispatcher = createOutboxDispatcher({
      store,
      desk,
      senders: new Map(),
      notices,
      reminderMinutes: 5,
      now: () => clock,
    });
    await dispatcher.drainOnce();
    clock += 6 * 60_000;
    await dispatcher.checkReminders();
    const [ticket] = await store.listOpenTickets();
    await core.claim(ticket!.id, 'U_A');
    await dispatcher.drainOnce();
    expect(desk.reminders).toEqual([]);
  });

  it('sends notices in Traditional script to a Traditional-script worker', async () => {
    await core.handle(msg('我受傷了，請問怎麼辦'));
    const [ticket] = await store.listOpenTickets();
    expect(ticket?.language).toBe('zh-Hant');
    await core.claim(ticket!.id, 'U_A');
    await core.staffReply(ticket!.id, 'U_A', '请先去医院');
    const sender = new RecordingSender('wechat');
    await createOutboxDispatcher({
      store,
      desk: new RecordingDesk(),
      senders: new Map([['wechat', sender]]),
      notices,
      now: () => clock,
    }).drainOnce();
    expect(sender.sent.map((s) => s.text)).toEqual([notices('staff_joined', 'zh-Hant'), '【工會工作人員】請先去醫院']);
  });

  it('stop() waits for a delivery in progress', async () => {
    await core.handle(msg('我受伤了'));
    let release: () => void = () => undefined;
    let posting = false;
    const desk = new RecordingDesk();
    const slowPost = desk.postTicket.bind(desk);
    desk.postTicket = async (t) => {
      posting = true;
      await new Promise<void>((resolve) => (release = resolve));
      return slowPost(t);
    };
    const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices, now: () => clock });
    dispatcher.start(5);
    await vi.waitFor(() => expect(posting).toBe(true));
    const stopped = dispatcher.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    release();
    await stopped;
    expect(desk.posted).toHaveLength(1);
  });
});
