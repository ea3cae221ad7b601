import { randomBytes } from 'node:crypto';
import type { AnswerEngine, BotAnswer, HistoryTurn, Lang } from '../core/types.js';
import { detectLang } from '../language/detect-lang.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import type { ConversationRecord, TicketStore } from '../stores/ticket-store.js';
import type { ConversationLock } from './conversation-lock.js';
import { KeyedLock } from './keyed-lock.js';
import type { NoticeRenderer } from './notices.js';
import type { RateLimit } from './rate-limit.js';
import { RateLimiter, type RateLimitSettings } from './rate-limiter.js';
import { summarizeTicket } from './ticket-summary.js';
import type { ChannelName, InboundMessage, OutboundReply, Ticket } from './types.js';

export interface ConversationCoreSettings {
  readonly engine: AnswerEngine;
  readonly store: TicketStore;
  readonly notices: NoticeRenderer;
  /** Values for notice placeholders: `union_hotline`, `emergency`. */
  readonly noticeValues?: Readonly<Record<string, string>>;
  /** Turns kept per conversation for follow-ups (a question and its answer are two). @default 6 */
  readonly historyTurns?: number;
  /** Per-user token bucket. @default 12 per minute, burst 6 */
  readonly rateLimit?: RateLimitSettings;
  /** Shared rate limit (several instances); replaces the in-memory one built from `rateLimit`. */
  readonly limiter?: RateLimit;
  /** Per-conversation lock; several instances pass a database lock. @default in-process KeyedLock */
  readonly lock?: ConversationLock;
  /** Minimum gap between "passed to staff" notices while a case waits for or is owned by a person. @default 10 min */
  readonly forwardNoticeGapMs?: number;
  readonly metrics?: Metrics;
  readonly logger?: Logger;
  /** Clock, epoch ms (tests pass a fake). */
  readonly now?: () => number;
}

export type ClaimResult =
  | { readonly ok: true; readonly ticket: Ticket }
  | { readonly ok: false; readonly reason: 'not_found' | 'already_claimed' | 'resolved'; readonly ticket?: Ticket };

/** The channel-free conversation core the adapters call. */
export interface ConversationCore {
  /** Answers (or forwards) one worker message; [] for a redelivery or a rate-limited message after the notice. */
  handle(msg: InboundMessage): Promise<OutboundReply[]>;
  /** Claims a ticket; the same staff member clicking twice gets ok, another one `already_claimed`. */
  claim(ticketId: string, staffUserId: string): Promise<ClaimResult>;
  /** Queues a staff reply for the worker; false when the ticket is unknown or resolved, or the text is empty. */
  staffReply(ticketId: string, staffUserId: string, text: string): Promise<boolean>;
  /** Closes the ticket and gives the conversation back to the bot; false when unknown or already resolved. */
  resolve(ticketId: string, staffUserId: string): Promise<boolean>;
  listOpenTickets(): Promise<Ticket[]>;
  getTicket(ticketId: string): Promise<Ticket | undefined>;
}

/** Longest text kept per history turn: follow-ups need the gist, not whole case stories. */
const HISTORY_TURN_CHARS = 2000;

function newTicketId(now: number): string {
  const d = new Date(now);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return `T${ymd}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

const conversationKey = (channel: ChannelName, conversationId: string) => `${channel}\u0000${conversationId}`;

/**
 * Conversation state machine, after WeCom customer service: the bot answers
 * (`bot`); an urgent or hand-off answer opens a ticket and the conversation
 * waits for a person (`queued`); a staff member claims it (`owned`); when it
 * is resolved the bot takes the conversation back. While queued or owned the
 * bot does not answer: worker messages go to the ticket's thread.
 *
 * Everything that changes one conversation (a worker message, a claim, a
 * resolve) runs in arrival order under a per-conversation lock; ticket
 * changes are atomic in the store, so a claim racing a worker message loses
 * neither.
 */
export function createConversationCore(settings: ConversationCoreSettings): ConversationCore {
  const { store, engine, notices } = settings;
  const now = settings.now ?? Date.now;
  const historyTurns = settings.historyTurns ?? 6;
  const limiter = settings.limiter ?? new RateLimiter(settings.rateLimit ?? { perMinute: 12, burst: 6 }, now);
  const forwardGap = settings.forwardNoticeGapMs ?? 10 * 60_000;
  const values = settings.noticeValues ?? {};
  const lock = settings.lock ?? new KeyedLock();
  const log = settings.logger;
  const metrics = settings.metrics;

  const freshConversation = (msg: InboundMessage): ConversationRecord => ({ channel: msg.channel, conversationId: msg.conversationId, state: 'bot', history: [], updatedAt: now() });

  /** The conversation's language: detected from this text message, else the language so far. */
  function languageOf(msg: InboundMessage, conv: ConversationRecord | undefined): Lang | undefined {
    return (msg.kind === 'text' && msg.text.trim() ? detectLang(msg.text, conv?.lang).lang : undefined) ?? conv?.lang;
  }

  function notTextReply(lang: Lang | undefined): OutboundReply[] {
    // Nothing to go on yet: both languages of the workers the union serves.
    return [{ text: lang ? notices('not_text', lang) : `${notices('not_text', 'zh-Hans')}\n${notices('not_text', 'vi')}` }];
  }

  /**
   * Adds the message to the open ticket's transcript and thread. Returns
   * undefined when the conversation has no open ticket any more (resolved
   * meanwhile): the caller then answers as the bot.
   */
  async function forwardToStaff(conv: ConversationRecord, msg: InboundMessage, lang: Lang): Promise<OutboundReply[] | undefined> {
    if (!conv.ticketId) return undefined;
    const text = msg.kind === 'text' ? msg.text : `[${msg.kind}]`;
    const at = now();
    const result = await store.updateTicket(conv.ticketId, (t) =>
      t.status === 'resolved'
        ? undefined
        : { ticket: { ...t, transcript: [...t.transcript, { role: 'worker', text, at }], updatedAt: at }, events: [{ kind: 'ticket.thread', payload: { role: 'worker', text } }] },
    );
    if (!result.changed) return undefined;
    metrics?.inc('gonghui_forwarded_total', { channel: msg.channel });
    const due = conv.lastNoticeAt === undefined || at - conv.lastNoticeAt >= forwardGap;
    await store.saveConversation({ ...conv, ...(due ? { lastNoticeAt: at } : {}), updatedAt: at });
    return due ? [{ text: notices('forwarded', lang) }] : [];
  }

  async function openTicket(conv: ConversationRecord, msg: InboundMessage, answer: BotAnswer & { escalate: 'urgent' | 'person' }, history: HistoryTurn[]): Promise<OutboundReply[]> {
    metrics?.inc('gonghui_escalations_total', { level: answer.escalate });
    const at = now();
    const ticket: Ticket = {
      id: newTicketId(at),
      channel: msg.channel,
      conversationId: msg.conversationId,
      language: answer.language,
      category: answer.escalate,
      reasons: answer.reasons,
      summary: summarizeTicket(answer, msg.text, conv.history),
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
    const { lastNoticeAt: _previousNotice, ...rest } = conv;
    void _previousNotice;
    // Ticket, its "post to Slack" event and the queued conversation in one transaction: a crash loses none of them.
    await store.saveTicket(ticket, [{ kind: 'ticket.post', payload: {} }], { ...rest, state: 'queued', ticketId: ticket.id, history, lang: answer.language, updatedAt: at });
    log?.info({ ticket: ticket.id, channel: ticket.channel, level: ticket.category, reasons: ticket.reasons }, 'ticket opened');
    return [{ text: `${answer.answer}\n\n${notices('ticket_opened', answer.language, { ticket: ticket.id })}`, answer }];
  }

  /** One message, with the conversation locked. */
  async function handleLocked(msg: InboundMessage): Promise<OutboundReply[]> {
    let conv = (await store.getConversation(msg.channel, msg.conversationId)) ?? freshConversation(msg);
    const lang = languageOf(msg, conv) ?? 'zh-Hans';
    if (conv.state === 'queued' || conv.state === 'owned') {
      const forwarded = await forwardToStaff(conv, msg, lang);
      if (forwarded) return forwarded;
      // The ticket was resolved or is gone: the bot has the conversation again.
      const { ticketId: _gone, lastNoticeAt: _notice, ...rest } = conv;
      void _gone;
      void _notice;
      conv = { ...rest, state: 'bot' };
    }
    if (msg.kind !== 'text') return notTextReply(conv.lang);

    const started = performance.now();
    let answer: BotAnswer;
    try {
      answer = await engine.ask({ text: msg.text, history: conv.history, ...(conv.lang ? { conversationLang: conv.lang } : {}) });
    } catch (error) {
      // The worker gets an apology and can send again (a new message id); the core keeps serving others.
      metrics?.inc('gonghui_engine_errors_total');
      log?.warn({ channel: msg.channel, err: error instanceof Error ? error.message : String(error) }, 'answer engine failed');
      await store.saveConversation({ ...conv, updatedAt: now() });
      return [{ text: notices('engine_error', lang, values) }];
    }
    metrics?.observeLatency(performance.now() - started);
    metrics?.inc('gonghui_answers_total', { mode: answer.mode });

    const history = [
      ...conv.history,
      { role: 'worker' as const, text: msg.text.slice(0, HISTORY_TURN_CHARS) },
      { role: 'bot' as const, text: answer.answer.slice(0, HISTORY_TURN_CHARS) },
    ].slice(-historyTurns);
    if (answer.escalate === 'urgent' || answer.escalate === 'person') return openTicket(conv, msg, { ...answer, escalate: answer.escalate }, history);

    // An invalid message says nothing about the worker's language.
    const nextLang = answer.mode === 'invalid_input' ? conv.lang : answer.language;
    await store.saveConversation({ ...conv, state: 'bot', history, ...(nextLang ? { lang: nextLang } : {}), updatedAt: now() });
    return [{ text: answer.answer, answer }];
  }

  async function handle(msg: InboundMessage): Promise<OutboundReply[]> {
    // The message id is recorded under the lock: a database lock makes it one transaction with the
    // answer's writes, so an instance killed mid-answer leaves the id free for the redelivery.
    return lock.run(conversationKey(msg.channel, msg.conversationId), async () => {
      if (!(await store.markProcessed(msg.channel, msg.messageId, now()))) {
        metrics?.inc('gonghui_duplicates_total', { channel: msg.channel });
        return [];
      }
      metrics?.inc('gonghui_messages_total', { channel: msg.channel });
      // Decided before the answer engine runs, so a flood costs no engine time.
      const decision = await limiter.take(`${msg.channel}:${msg.userId}`);
      if (decision !== 'allow') {
        metrics?.inc('gonghui_rate_limited_total', { channel: msg.channel });
        if (decision === 'drop') return [];
        const lang = languageOf(msg, await store.getConversation(msg.channel, msg.conversationId)) ?? 'zh-Hans';
        return [{ text: notices('rate_limited', lang, values) }];
      }
      return handleLocked(msg);
    });
  }

  /** Moves the ticket's conversation to `state`, if the conversation is still about this ticket. */
  async function setConversationState(ticket: Ticket, state: 'owned' | 'bot'): Promise<void> {
    await lock.run(conversationKey(ticket.channel, ticket.conversationId), async () => {
      const conv = await store.getConversation(ticket.channel, ticket.conversationId);
      if (!conv || conv.ticketId !== ticket.id) return;
      if (state === 'bot') {
        const { ticketId: _closed, lastNoticeAt: _notice, ...rest } = conv;
        void _closed;
        void _notice;
        await store.saveConversation({ ...rest, state, updatedAt: now() });
      } else if (conv.state !== 'owned') {
        await store.saveConversation({ ...conv, state, updatedAt: now() });
      }
    });
  }

  async function claim(ticketId: string, staffUserId: string): Promise<ClaimResult> {
    const result = await store.claimTicket(ticketId, staffUserId, now(), [
      { kind: 'ticket.update', payload: {} },
      { kind: 'worker.send', payload: { notice: 'staff_joined' } },
    ]);
    const ticket = result.ticket;
    if (!ticket) return { ok: false, reason: 'not_found' };
    if (!result.claimed) {
      if (ticket.status === 'resolved') return { ok: false, reason: 'resolved', ticket };
      // A double click by the owner: already done, nothing enqueued twice.
      if (ticket.owner === staffUserId) return { ok: true, ticket };
      return { ok: false, reason: 'already_claimed', ticket };
    }
    metrics?.inc('gonghui_tickets_claimed_total');
    log?.info({ ticket: ticket.id, staff: staffUserId }, 'ticket claimed');
    await setConversationState(ticket, 'owned');
    return { ok: true, ticket };
  }

  async function staffReply(ticketId: string, staffUserId: string, text: string): Promise<boolean> {
    if (text.trim() === '') return false;
    const at = now();
    let claimedByReply = false;
    const result = await store.updateTicket(ticketId, (t) => {
      if (t.status === 'resolved') return undefined;
      claimedByReply = !t.owner;
      return {
        ticket: { ...t, ...(t.owner ? {} : { owner: staffUserId, status: 'claimed' as const }), transcript: [...t.transcript, { role: 'staff', text, at }], updatedAt: at },
        // A reply to an unclaimed ticket claims it: refresh the Slack message too.
        events: [{ kind: 'worker.send', payload: { text } }, ...(claimedByReply ? [{ kind: 'ticket.update' as const, payload: {} }] : [])],
      };
    });
    if (!result.changed || !result.ticket) return false;
    metrics?.inc('gonghui_staff_replies_total');
    if (claimedByReply) await setConversationState(result.ticket, 'owned');
    return true;
  }

  async function resolve(ticketId: string, staffUserId: string): Promise<boolean> {
    const at = now();
    const result = await store.updateTicket(ticketId, (t) =>
      t.status === 'resolved'
        ? undefined
        : {
            ticket: { ...t, status: 'resolved', owner: t.owner ?? staffUserId, updatedAt: at },
            events: [
              { kind: 'ticket.update', payload: {} },
              { kind: 'worker.send', payload: { notice: 'resolved' } },
            ],
          },
    );
    if (!result.changed || !result.ticket) return false;
    metrics?.inc('gonghui_tickets_resolved_total');
    log?.info({ ticket: ticketId, staff: staffUserId }, 'ticket resolved');
    await setConversationState(result.ticket, 'bot');
    return true;
  }

  return {
    handle,
    claim,
    staffReply,
    resolve,
    listOpenTickets: () => store.listOpenTickets(),
    getTicket: (id) => store.getTicket(id),
  };
}
