import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/conversation-core.js';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { AnswerEngine, AskRequest, BotAnswer } from '../../src/core/types.js';
import type { InboundMessage } from '../../src/conversation/types.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../helpers/fake-answer-engine.js';
import { RecordingDesk, RecordingSender } from '../helpers/recording-channels.js';

const notices = loadNotices('knowledge');
const newStore = () => openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'journal-')), 'db.sqlite'));
const urgency = (text: string) =>
  /受伤/.test(text) ? { level: 'urgent' as const, reasons: ['injury'] } : { level: 'none' as const, reasons: [] };
const msg = (text: string, over: Partial<InboundMessage> = {}): InboundMessage => ({
  channel: 'wechat',
  conversationId: 'c1',
  userId: 'u1',
  messageId: 'm1',
  kind: 'text',
  text,
  timestamp: 0,
  ...over,
});

/** An engine whose LLM never answers: only `offline` requests come back. */
class HangingLlmEngine implements AnswerEngine {
  readonly requests: AskRequest[] = [];
  private readonly inner = new FakeAnswerEngine();
  async ask(request: AskRequest): Promise<BotAnswer> {
    this.requests.push(request);
    if (!request.offline) await new Promise(() => undefined);
    return this.inner.ask(request);
  }
}

describe('inbound journal', () => {
  it('answers an urgent message and opens its ticket without waiting for the LLM', async () => {
    const store = newStore();
    const engine = new HangingLlmEngine();
    const core = createConversationCore({ engine, store, notices, urgency });
    const result = await core.receive(msg('我在工地受伤了'));
    expect(result.status).toBe('answered');
    expect(result.ticketId).toBeDefined();
    expect(engine.requests[0]?.offline).toBe(true);
    expect((await store.getTicket(result.ticketId!))?.category).toBe('urgent');
  });

  it('journals a message before the engine runs, finishes it once after a restart, via the outbox', async () => {
    const store = newStore();
    // First process: the LLM hangs (then the process "dies"); the message stays received.
    const first = createConversationCore({ engine: new HangingLlmEngine(), store, notices, urgency });
    void first.receive(msg('加班费怎么算'));
    await new Promise((r) => setTimeout(r, 20));
    expect((await store.getInbound({ channel: 'wechat', userId: 'u1', messageId: 'm1' }))?.status).toBe('received');

    const engine = new FakeAnswerEngine();
    const second = createConversationCore({ engine, store, notices, urgency });
    expect(await second.recover()).toBe(1);
    expect(await second.recover()).toBe(0);
    expect(engine.requests).toHaveLength(1);
    const sender = new RecordingSender('wechat');
    const dispatcher = createOutboxDispatcher({
      store,
      desk: new RecordingDesk(),
      senders: new Map([['wechat', sender]]),
      notices,
    });
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(sender.sent).toEqual([{ conversationId: 'c1', text: 'answer to: 加班费怎么算' }]);
    // WeChat redelivering it after all: the stored answer, nothing sent again, no second engine call.
    expect(await second.receive(msg('加班费怎么算'))).toMatchObject({
      status: 'repeat',
      replies: [{ text: 'answer to: 加班费怎么算' }],
    });
    expect(await second.handle(msg('加班费怎么算'))).toEqual([]);
    expect(engine.requests).toHaveLength(1);
  });

  it('answers a message that failed in the engine again when it is sent again', async () => {
    const store = newStore();
    let fail = true;
    const engine = new FakeAnswerEngine(() => (fail ? new Error('llm down') : undefined));
    const core = createConversationCore({ engine, store, notices });
    const [sorry] = await core.handle(msg('产假多少天'));
    expect(sorry?.text).not.toContain('answer to');
    fail = false;
    expect((await core.receive(msg('产假多少天'))).replies[0]?.text).toBe('answer to: 产假多少天');
  });

  it('keeps the history of ordinary chats masked and drops the journaled text once answered', async () => {
    const store = newStore();
    const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices });
    await core.handle(msg('我的电话13812345678，公司不给加班费'));
    const conv = await store.getConversation('wechat', 'c1');
    expect(JSON.stringify(conv?.history)).not.toContain('13812345678');
    expect((await store.getInbound({ channel: 'wechat', userId: 'u1', messageId: 'm1' }))?.text).toBe('');
  });

  it('reports a rate-limited message with a retry time and handles it when sent again later', async () => {
    let clock = 0;
    const core = createConversationCore({
      engine: new FakeAnswerEngine(),
      store: newStore(),
      notices,
      rateLimit: { perMinute: 1, burst: 1 },
      now: () => clock,
    });
    expect((await core.receive(msg('一', { messageId: 'a' }))).status).toBe('answered');
    const limited = await core.receive(msg('二', { messageId: 'b' }));
    expect(limited.status).toBe('rate_limited');
    expect(limited.retryAfterMs).toBe(60_000);
    clock += 60_000;
    expect((await core.receive(msg('二', { messageId: 'b' }))).status).toBe('answered');
  });
});
