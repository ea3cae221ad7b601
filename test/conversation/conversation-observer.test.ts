import { describe, expect, it } from 'vitest';
import { createConversationCore } from '../../src/conversation/conversation-core.js';
import {
  parseFeedbackReply,
  type AnsweredEvent,
  type ConversationObserver,
  type TicketEvent,
} from '../../src/conversation/conversation-observer.js';
import { loadFeedbackTexts } from '../../src/conversation/feedback-texts.js';
import { loadNotices } from '../../src/conversation/notices.js';
import type { InboundMessage } from '../../src/conversation/types.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../helpers/fake-answer-engine.js';
import { WAGE_CITATION } from '../console/helpers/console-harness.js';

/** Records what the core reports; `pending` says whether a conversation awaits feedback. */
class RecordingObserver implements ConversationObserver {
  readonly answers: AnsweredEvent[] = [];
  readonly tickets: TicketEvent[] = [];
  readonly ratings: { conversationId: string; helpful: boolean }[] = [];
  failing = false;

  async answered(e: AnsweredEvent) {
    if (this.failing) throw new Error('disk full');
    this.answers.push(e);
  }
  async ticketChanged(e: TicketEvent) {
    if (this.failing) throw new Error('disk full');
    this.tickets.push(e);
  }
  async feedback(_channel: string, conversationId: string, helpful: boolean) {
    const last = [...this.answers].reverse().find((a) => a.conversationId === conversationId);
    if (!last?.feedbackAsked || this.ratings.some((r) => r.conversationId === conversationId)) return false;
    this.ratings.push({ conversationId, helpful });
    return true;
  }
}

let seq = 0;
const msg = (conversationId: string, text: string): InboundMessage => {
  seq += 1;
  return {
    channel: 'wechat',
    conversationId,
    userId: conversationId,
    messageId: `o${seq}`,
    kind: 'text',
    text,
    timestamp: 0,
  };
};

function setup(withObserver = true) {
  const store = openSqliteTicketStore(':memory:');
  const engine = new FakeAnswerEngine((req) =>
    /工资|lương/.test(req.text) ? { citations: [WAGE_CITATION] } : undefined,
  );
  const observer = new RecordingObserver();
  const core = createConversationCore({
    engine,
    store,
    notices: loadNotices('knowledge'),
    ...(withObserver ? { observer, feedbackTexts: loadFeedbackTexts('knowledge') } : {}),
    rateLimit: { perMinute: 600, burst: 100 },
  });
  return { core, engine, observer };
}

describe('conversation core with the console observer', () => {
  it('asks for feedback after a cited answer and records a bare 1 or 2 as the rating', async () => {
    const { core, engine, observer } = setup();
    const replies = await core.handle(msg('c1', '老板拖欠工资怎么办'));
    expect(replies.map((r) => r.text)).toEqual(['answer to: 老板拖欠工资怎么办', '有帮助吗？回复 1 有帮助 / 2 没帮助']);
    expect(replies[0]?.answer?.mode).toBe('extractive');
    expect((await core.handle(msg('c1', ' 1 '))).map((r) => r.text)).toEqual([
      '谢谢您的反馈！还有其他劳动问题可以继续问我。',
    ]);
    expect(observer.ratings).toEqual([{ conversationId: 'c1', helpful: true }]);
    expect(engine.requests).toHaveLength(1);
    // A second "1" has nothing left to rate: it is a message like any other.
    expect((await core.handle(msg('c1', '1')))[0]?.text).toBe('answer to: 1');
  });

  it('asks in Vietnamese and takes a full-width digit', async () => {
    const { core, observer } = setup();
    const replies = await core.handle(msg('v1', 'công ty nợ lương'));
    expect(replies[1]?.text).toContain('Trả lời 1');
    expect((await core.handle(msg('v1', '２')))[0]?.text).toContain('Cảm ơn phản hồi');
    expect(observer.ratings).toEqual([{ conversationId: 'v1', helpful: false }]);
  });

  it('does not ask after an answer without citations or a hand-off', async () => {
    const { core, observer } = setup();
    expect(await core.handle(msg('c2', '你好'))).toHaveLength(1);
    const handOff = await core.handle(msg('c3', '我要找人工'));
    expect(handOff).toHaveLength(1);
    expect(observer.answers.map((a) => a.feedbackAsked)).toEqual([false, false]);
  });

  it('asks nothing and changes nothing without an observer', async () => {
    const { core } = setup(false);
    expect((await core.handle(msg('c4', '老板拖欠工资怎么办'))).map((r) => r.text)).toEqual([
      'answer to: 老板拖欠工资怎么办',
    ]);
    expect((await core.handle(msg('c4', '1')))[0]?.text).toBe('answer to: 1');
  });

  it('reports every ticket change from either desk, and a failing observer costs the worker nothing', async () => {
    const { core, observer } = setup();
    await core.handle(msg('c5', '我受伤了'));
    const [ticket] = await core.listOpenTickets();
    if (!ticket) throw new Error('no ticket');
    await core.handle(msg('c5', '还在吗'));
    await core.claim(ticket.id, 'U_SLACK');
    await core.staffReply(ticket.id, 'U_SLACK', '在的');
    await core.resolve(ticket.id, 'console:alice');
    expect(observer.tickets.map((e) => `${e.action}:${e.staff ?? ''}`)).toEqual([
      'opened:',
      'worker_message:',
      'claimed:U_SLACK',
      'replied:U_SLACK',
      'resolved:console:alice',
    ]);
    observer.failing = true;
    expect((await core.handle(msg('c6', '老板拖欠工资怎么办')))[0]?.text).toBe('answer to: 老板拖欠工资怎么办');
  });

  it('recognises only a lone 1 or 2 as feedback', () => {
    expect(parseFeedbackReply('1')).toBe(true);
    expect(parseFeedbackReply(' ２ ')).toBe(false);
    expect(parseFeedbackReply('12')).toBeUndefined();
    expect(parseFeedbackReply('1天')).toBeUndefined();
  });
});
