import { randomBytes } from 'node:crypto';
import type { AnswerEngine, BotAnswer, Lang } from '../core/types.js';
import { detectLang } from '../language/detect-lang.js';
import { maskPii } from '../privacy/mask-pii.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import type { ConversationRecord, TicketStore } from '../stores/ticket-store.js';
import type { NoticeRenderer } from './notices.js';
import { RateLimiter, type RateLimitSettings } from './rate-limiter.js';
import type { InboundMessage, OutboundReply, Ticket } from './types.js';

export interface ConversationCoreSettings {
  readonly engine: AnswerEngine;
  readonly store: TicketStore;
  readonly notices: NoticeRenderer;
  /** Hotline placeholders used by notices, per language family. */
  readonly noticeValues?: Readonly<Record<string, string>>;
  /** Turns kept per conversation for follow-ups. @default 6 */
  readonly historyTurns?: number;
  readonly rateLimit?: RateLimitSettings;
  /** Minimum gap between "passed to staff" notices while a person owns the case. @default 10 min */
  readonly forwardNoticeGapMs?: number;
  readonly metrics?: Metrics;
  readonly logger?: Logger;
  readonly now?: () => number;
}

export type ClaimResult = { readonly ok: true; readonly ticket: Ticket } | { readonly ok: false; readonly reason: 'not_found' | 'already_claimed' | 'resolved'; readonly ticket?: Ticket };

/** The channel-free conversation core the adapters call. */
export interface ConversationCore {
  handle(msg: InboundMessage): Promise<OutboundReply[]>;
  claim(ticketId: string, staffUserId: string): Promise<ClaimResult>;
  staffReply(ticketId: string, staffUserId: string, text: string): Promise<boolean>;
  resolve(ticketId: string, staffUserId: string): Promise<boolean>;
  listOpenTickets(): Promise<Ticket[]>;
  getTicket(ticketId: string): Promise<Ticket | undefined>;
}

function newTicketId(now: number): string {
  const d = new Date(now);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return `T${ymd}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** One paragraph for staff: category, reasons, the question (masked) and what the bot cited. */
function summarize(answer: BotAnswer, question: string): string {
  const cites = answer.citations.map((c) => c.label).join('、');
  return `[${answer.escalate}] ${answer.reasons.join(', ')} · ${answer.language} · ${maskPii(question).slice(0, 300)}${cites ? ` · cited: ${cites}` : ''}`;
}

/**
 * Conversation state machine, after WeCom customer service: the bot answers
 * (`bot`); an urgent or hand-off answer opens a ticket and the conversation
 * waits for a person (`queued`); a staff member claims it (`owned`); when it
 * is resolved the bot takes the conversation back. While queued or owned the
 * bot does not answer: worker messages go to the ticket's thread.
 */
export function createConversationCore(settings: ConversationCoreSettings): ConversationCore {
  const { store, engine, notices } = settings;
  const now = settings.now ?? Date.now;
  const historyTurns = settings.historyTurns ?? 6;
  const limiter = new RateLimiter(settings.rateLimit ?? { perMinute: 12, burst: 6 }, now);
  const forwardGap = settings.forwardNoticeGapMs ?? 10 * 60_000;
  const values = settings.noticeValues ?? {};

  async function conversationOf(msg: InboundMessage): Promise<ConversationRecord> {
    return (await store.getConversation(msg.channel, msg.conversationId)) ?? { channel: msg.channel, conversationId: msg.conversationId, state: 'bot', history: [], updatedAt: now() };
  }

  async function forwardToStaff(conv: ConversationRecord, msg: InboundMessage, lang: Lang): Promise<OutboundReply[]> {
    const ticket = conv.ticketId ? await store.getTicket(conv.ticketId) : undefined;
    if (!ticket) {
      await store.saveConversation({ ...conv, state: 'bot', updatedAt: now() });
      return [];
    }
    const text = msg.kind === 'text' ? msg.text : `[${msg.kind}]`;
    const updated: Ticket = { ...ticket, transcript: [...ticket.transcript, { role: 'worker', text, at: now() }], updatedAt: now() };
    await store.saveTicket(updated, [{ kind: 'ticket.thread', payload: { role: 'worker', text } }]);
    const due = conv.lastNoticeAt === undefined || now() - conv.lastNoticeAt >= forwardGap;
    await store.saveConversation({ ...conv, ...(due ? { lastNoticeAt: now() } : {}), updatedAt: now() });
    return due ? [{ text: notices('forwarded', lang) }] : [];
  }

  async function handle(msg: InboundMessage): Promise<OutboundReply[]> {
    if (!(await store.markProcessed(msg.channel, msg.messageId, now()))) return [];
    settings.metrics?.inc('gonghui_messages_total', { channel: msg.channel });
    const conv = await conversationOf(msg);
    const lang: Lang = (msg.kind === 'text' ? detectLang(msg.text, conv.lang).lang : undefined) ?? conv.lang ?? 'zh-Hans';
    const decision = limiter.take(`${msg.channel}:${msg.userId}`);
    if (decision === 'drop') return [];
    if (decision === 'notice') {
      settings.metrics?.inc('gonghui_rate_limited_total');
      return [{ text: notices('rate_limited', lang, values) }];
    }
    if (conv.state === 'queued' || conv.state === 'owned') return forwardToStaff(conv, msg, lang);
    if (msg.kind !== 'text') {
      return [{ text: conv.lang ? notices('not_text', conv.lang) : `${notices('not_text', 'zh-Hans')}\n${notices('not_text', 'vi')}` }];
    }

    const started = performance.now();
    const answer = await engine.ask({ text: msg.text, history: conv.history, ...(conv.lang ? { conversationLang: conv.lang } : {}) });
    settings.metrics?.observeLatency(performance.now() - started);
    settings.metrics?.inc('gonghui_answers_total', { mode: answer.mode });
    const history = [...conv.history, { role: 'worker' as const, text: msg.text.slice(0, 2000) }, { role: 'bot' as const, text: answer.answer.slice(0, 2000) }].slice(-historyTurns);
    const nextLang = answer.mode === 'invalid_input' ? conv.lang : answer.language;
    if (answer.escalate === 'none') {
      await store.saveConversation({ ...conv, state: 'bot', history, ...(nextLang ? { lang: nextLang } : {}), updatedAt: now() });
      return [{ text: answer.answer, answer }];
    }

    settings.metrics?.inc('gonghui_escalations_total', { level: answer.escalate });
    const at = now();
    const ticket: Ticket = {
      id: newTicketId(at),
      channel: msg.channel,
      conversationId: msg.conversationId,
      language: answer.language,
      category: answer.escalate,
      reasons: answer.reasons,
      summary: summarize(answer, msg.text),
      transcript: [
        ...conv.history.map((t) => ({ role: t.role, text: t.text, at: conv.updatedAt })),
        { role: 'worker', text: msg.text, at },
        { role: 'bot', text: answer.answer, at },
      ],
      citations: answer.citations,
      status: 'open',
      createdAt: at,
      updatedAt: at,
    };
    await store.saveTicket(ticket, [{ kind: 'ticket.post', payload: {} }]);
    const { lastNoticeAt: _previousNotice, ...rest } = conv;
    void _previousNotice;
    await store.saveConversation({ ...rest, state: 'queued', ticketId: ticket.id, history, lang: answer.language, updatedAt: at });
    settings.logger?.info({ ticket: ticket.id, level: ticket.category, reasons: ticket.reasons }, 'ticket opened');
    return [{ text: `${answer.answer}\n\n${notices('ticket_opened', answer.language, { ticket: ticket.id })}`, answer }];
  }

  async function setConversationState(ticket: Ticket, state: ConversationRecord['state']): Promise<void> {
    const conv = await store.getConversation(ticket.channel, ticket.conversationId);
    if (!conv) return;
    if (state === 'bot') {
      const { ticketId: _closed, ...rest } = conv;
      void _closed;
      await store.saveConversation({ ...rest, state, updatedAt: now() });
    } else {
      await store.saveConversation({ ...conv, state, updatedAt: now() });
    }
  }

  return {
    handle,
    async claim(ticketId, staffUserId) {
      const result = await store.claimTicket(ticketId, staffUserId, now(), [
        { kind: 'ticket.update', payload: {} },
        { kind: 'worker.send', payload: { notice: 'staff_joined' } },
      ]);
      if (!result.ticket) return { ok: false, reason: 'not_found' };
      if (!result.claimed) return { ok: false, reason: result.ticket.status === 'resolved' ? 'resolved' : 'already_claimed', ticket: result.ticket };
      await setConversationState(result.ticket, 'owned');
      return { ok: true, ticket: result.ticket };
    },
    async staffReply(ticketId, staffUserId, text) {
      const ticket = await store.getTicket(ticketId);
      if (!ticket || ticket.status === 'resolved' || text.trim() === '') return false;
      const updated: Ticket = {
        ...ticket,
        ...(ticket.owner ? {} : { owner: staffUserId, status: 'claimed' as const }),
        transcript: [...ticket.transcript, { role: 'staff', text, at: now() }],
        updatedAt: now(),
      };
      // A reply to an unclaimed ticket claims it: refresh the Slack message too.
      await store.saveTicket(updated, [{ kind: 'worker.send', payload: { text } }, ...(ticket.owner ? [] : [{ kind: 'ticket.update' as const, payload: {} }])]);
      if (!ticket.owner) await setConversationState(updated, 'owned');
      return true;
    },
    async resolve(ticketId, staffUserId) {
      const ticket = await store.getTicket(ticketId);
      if (!ticket || ticket.status === 'resolved') return false;
      const updated: Ticket = { ...ticket, status: 'resolved', owner: ticket.owner ?? staffUserId, updatedAt: now() };
      await store.saveTicket(updated, [
        { kind: 'ticket.update', payload: {} },
        { kind: 'worker.send', payload: { notice: 'resolved' } },
      ]);
      await setConversationState(updated, 'bot');
      return true;
    },
    listOpenTickets: () => store.listOpenTickets(),
    getTicket: (id) => store.getTicket(id),
  };
}
