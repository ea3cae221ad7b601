import { botTurnText } from '../core/bot-turn-text.js';
import { randomBytes } from 'node:crypto';
import type { AnswerEngine, BotAnswer, HistoryTurn, Lang } from '../core/types.js';
import { detectLang } from '../language/detect-lang.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import { maskPii } from '../privacy/mask-pii.js';
import type { ConversationRecord, MessageOutcome, TicketStore } from './ticket-store.js';
import {
  keyOf,
  keyString,
  parseReplies,
  replyStream,
  serializeReplies,
  toKind,
  type ArrivalTriage,
  type CoreStep,
  type HandleResult,
  type Mode,
} from './inbound-journal.js';
import type { ConversationLock } from './conversation-lock.js';
import {
  asksForFeedback,
  parseFeedbackReply,
  type ConversationObserver,
  type FeedbackTexts,
} from './conversation-observer.js';
import { KeyedLock } from './keyed-lock.js';
import type { NoticeRenderer } from './notices.js';
import type { RateLimit } from './rate-limit.js';
import { RateLimiter, type RateLimitSettings } from './rate-limiter.js';
import type { TicketLimitSettings } from './ticket-limit.js';
import { summarizeTicket, type SummaryLabels } from './ticket-summary.js';
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
  /**
   * Builds the rate limits (messages, tickets per user and per caller); several instances share them in the
   * database. @default in memory
   */
  readonly limiters?: (name: 'messages' | 'tickets-user' | 'tickets-caller', settings: RateLimitSettings) => RateLimit;
  /** Per-conversation lock; several instances pass a database lock. @default in-process KeyedLock */
  readonly lock?: ConversationLock;
  /** Minimum gap between "passed to staff" notices while a case waits for or is owned by a person. @default 10 min */
  readonly forwardNoticeGapMs?: number;
  readonly metrics?: Metrics;
  readonly logger?: Logger;
  /** Clock, epoch ms (tests pass a fake). */
  readonly now?: () => number;
  /** Triage on arrival (cheap, offline): an urgent message is answered without the LLM and gets its ticket at once. */
  readonly urgency?: ArrivalTriage;
  /**
   * Tickets a worker, and a caller (an HTTP integration, or a whole channel),
   * may open per hour; over it the worker gets the answer and a notice, no
   * ticket. `callerOf` @default the message's channel. Off when absent.
   */
  readonly ticketLimit?: TicketLimitSettings & { readonly callerOf?: (msg: InboundMessage) => string };
  /** Recognizes a worker's "delete my data" message; off when absent. */
  readonly isEraseCommand?: (text: string) => boolean;
  /** Labels of ticket summaries, in the staff's language. @default English */
  readonly summaryLabels?: SummaryLabels;
  /** Staff ids (Slack user ids) who may reply on any claimed ticket. */
  readonly leads?: readonly string[];
  /** Staff recognised as leads elsewhere (the web console's lead accounts). */
  readonly isLead?: (staffUserId: string) => boolean | Promise<boolean>;
  /** Observer of the message flow (tracing; crash tests kill the process at a step). */
  readonly onStep?: (step: CoreStep, msg: InboundMessage) => void;
  /** Staff console event log; with `feedbackTexts`, the bot also asks "did this help? 1 / 2" after answers. */
  readonly observer?: ConversationObserver;
  readonly feedbackTexts?: FeedbackTexts;
}

export type { HandleResult } from './inbound-journal.js';

export type StaffReplyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not_found' | 'resolved' | 'empty' | 'not_claimed' | 'not_owner' };

export type ClaimResult =
  | { readonly ok: true; readonly ticket: Ticket }
  | { readonly ok: false; readonly reason: 'not_found' | 'already_claimed' | 'resolved'; readonly ticket?: Ticket };

/** The channel-free conversation core the adapters call. */
export interface ConversationCore {
  /**
   * Answers (or forwards) one worker message. Idempotent per (channel, user,
   * message id): a redelivery gets the original replies (`repeat`).
   */
  receive(msg: InboundMessage): Promise<HandleResult>;
  /**
   * The replies of {@link ConversationCore.receive} to send now: [] for a repeat, and for a rate-limited message
   * after its notice.
   */
  handle(msg: InboundMessage): Promise<OutboundReply[]>;
  /** Finishes messages a crash left unanswered (call once at start, before channels connect); returns how many. */
  recover(): Promise<number>;
  /** Claims a ticket; the same staff member clicking twice gets ok, another one `already_claimed`. */
  claim(ticketId: string, staffUserId: string): Promise<ClaimResult>;
  /** Queues a staff reply for the worker: only on a claimed ticket, by its owner or a lead. */
  staffReply(ticketId: string, staffUserId: string, text: string): Promise<StaffReplyResult>;
  /** Closes the ticket and gives the conversation back to the bot; false when unknown or already resolved. */
  resolve(ticketId: string, staffUserId: string): Promise<boolean>;
  listOpenTickets(): Promise<Ticket[]>;
  getTicket(ticketId: string): Promise<Ticket | undefined>;
}

/** Longest text kept per history turn: follow-ups need the gist, not whole case stories. */
const HISTORY_TURN_CHARS = 2000;

/** History of ordinary chats is kept masked: answering a follow-up never needs an ID or phone number. */
const historyText = (text: string) => maskPii(text).slice(0, HISTORY_TURN_CHARS);

function newTicketId(now: number): string {
  const d = new Date(now);
  const month = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  const ymd = `${d.getUTCFullYear()}${month}${day}`;
  return `T${ymd}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** Channels that can push a message to the worker: answers finished after a restart go there through the outbox. */
const PUSH_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(['wechat']);

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
  const makeLimiter =
    settings.limiters ?? ((_name: string, s: RateLimitSettings): RateLimit => new RateLimiter(s, now));
  const limiter = makeLimiter('messages', settings.rateLimit ?? { perMinute: 12, burst: 6 });
  const forwardGap = settings.forwardNoticeGapMs ?? 10 * 60_000;
  const values = settings.noticeValues ?? {};
  const lock = settings.lock ?? new KeyedLock();
  const inFlight = new Map<string, Promise<HandleResult>>();
  const leads = new Set(settings.leads ?? []);
  const ticketLimit = settings.ticketLimit;
  const userTickets = ticketLimit
    ? makeLimiter('tickets-user', { perMinute: ticketLimit.perUserPerHour / 60, burst: ticketLimit.perUserPerHour })
    : undefined;
  const callerTickets = ticketLimit
    ? makeLimiter('tickets-caller', {
        perMinute: ticketLimit.perCallerPerHour / 60,
        burst: ticketLimit.perCallerPerHour,
      })
    : undefined;

  /** Milliseconds until this sender may open a ticket, or 0 when it may now (and the ticket is counted). */
  async function ticketWait(msg: InboundMessage): Promise<number> {
    if (!userTickets || !callerTickets || !ticketLimit) return 0;
    const userKey = `${msg.channel}:${msg.userId}`;
    const callerKey = ticketLimit.callerOf?.(msg) ?? msg.channel;
    const waits = [await userTickets.retryAfterMs(userKey), await callerTickets.retryAfterMs(callerKey)];
    if (waits[0]! > 0 || waits[1]! > 0) return Math.max(...waits);
    await userTickets.take(userKey);
    await callerTickets.take(callerKey);
    return 0;
  }
  const step = (name: CoreStep, msg: InboundMessage) => settings.onStep?.(name, msg);
  const recentWorkerTurns = (conv: ConversationRecord) =>
    conv.history
      .filter((t) => t.role === 'worker')
      .slice(-3)
      .map((t) => t.text);
  const log = settings.logger;
  const metrics = settings.metrics;
  const observer = settings.observer;

  /** Reports to the observer; its failure never costs the worker a reply. */
  async function observe(report: (o: ConversationObserver) => Promise<unknown>): Promise<void> {
    if (!observer) return;
    try {
      await report(observer);
    } catch (error) {
      log?.warn({ err: error instanceof Error ? error.message : String(error) }, 'conversation observer failed');
    }
  }

  const freshConversation = (msg: InboundMessage): ConversationRecord => ({
    channel: msg.channel,
    conversationId: msg.conversationId,
    state: 'bot',
    history: [],
    updatedAt: now(),
  });

  /** The conversation's language: detected from this text message, else the language so far. */
  function languageOf(msg: InboundMessage, conv: ConversationRecord | undefined): Lang | undefined {
    return (msg.kind === 'text' && msg.text.trim() ? detectLang(msg.text, conv?.lang).lang : undefined) ?? conv?.lang;
  }

  function notTextReply(lang: Lang | undefined): OutboundReply[] {
    // Nothing to go on yet: both languages of the workers the union serves.
    return [
      { text: lang ? notices('not_text', lang) : `${notices('not_text', 'zh-Hans')}\n${notices('not_text', 'vi')}` },
    ];
  }

  /**
   * Adds the message to the open ticket's transcript and thread. Returns
   * undefined when the conversation has no open ticket any more (resolved
   * meanwhile): the caller then answers as the bot.
   */
  async function forwardToStaff(
    conv: ConversationRecord,
    msg: InboundMessage,
    lang: Lang,
    mode: Mode,
  ): Promise<OutboundReply[] | undefined> {
    if (!conv.ticketId) return undefined;
    const text = msg.kind === 'text' ? msg.text : `[${msg.kind}]`;
    const at = now();
    const due = conv.lastNoticeAt === undefined || at - conv.lastNoticeAt >= forwardGap;
    const replies = due ? [{ text: notices('forwarded', lang) }] : [];
    const done = await store.finishMessage(
      outcome(msg, mode, replies, {
        ticketChange: {
          id: conv.ticketId,
          change: (t) =>
            t.status === 'resolved'
              ? undefined
              : {
                  ticket: { ...t, transcript: [...t.transcript, { role: 'worker', text, at }], updatedAt: at },
                  events: [{ kind: 'ticket.thread', payload: { role: 'worker', text } }],
                },
        },
        conversation: { ...conv, ...(due ? { lastNoticeAt: at } : {}), updatedAt: at },
      }),
    );
    if (!done) return undefined;
    metrics?.inc('gonghui_forwarded_total', { channel: msg.channel });
    if (observer) {
      const forwardedTicket = await store.getTicket(conv.ticketId);
      if (forwardedTicket)
        await observe((o) => o.ticketChanged({ at, action: 'worker_message', ticket: forwardedTicket }));
    }
    return replies;
  }

  async function openTicket(
    conv: ConversationRecord,
    msg: InboundMessage,
    answer: BotAnswer & { escalate: 'urgent' | 'person' },
    history: HistoryTurn[],
    mode: Mode,
  ): Promise<HandleResult> {
    metrics?.inc('gonghui_escalations_total', { level: answer.escalate });
    const at = now();
    const ticket: Ticket = {
      id: newTicketId(at),
      channel: msg.channel,
      conversationId: msg.conversationId,
      language: answer.language,
      category: answer.escalate,
      reasons: answer.reasons,
      summary: summarizeTicket(answer, msg.text, conv.history, settings.summaryLabels),
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
    const replies = [
      { text: `${answer.answer}\n\n${notices('ticket_opened', answer.language, { ticket: ticket.id })}`, answer },
    ];
    // Ticket, its "post to Slack" event, the queued conversation and the replies in one transaction: a crash
    // loses none of them.
    await store.finishMessage(
      outcome(msg, mode, replies, {
        newTicket: { ticket, events: [{ kind: 'ticket.post', payload: {} }] },
        conversation: { ...rest, state: 'queued', ticketId: ticket.id, history, lang: answer.language, updatedAt: at },
      }),
    );
    step('finished', msg);
    log?.info(
      { ticket: ticket.id, channel: ticket.channel, level: ticket.category, reasons: ticket.reasons },
      'ticket opened',
    );
    await observe((o) =>
      o.answered({
        at,
        channel: msg.channel,
        conversationId: msg.conversationId,
        question: msg.text,
        answer,
        feedbackAsked: false,
      }),
    );
    await observe((o) => o.ticketChanged({ at, action: 'opened', ticket }));
    return { status: 'answered', replies, ticketId: ticket.id };
  }

  /** Finishes the message with `replies` and (after a restart) queues them for a push channel. */
  function outcome(
    msg: InboundMessage,
    mode: Mode,
    replies: OutboundReply[],
    rest: Partial<MessageOutcome> = {},
  ): MessageOutcome {
    const deliver =
      mode === 'recover' && PUSH_CHANNELS.has(msg.channel) && replies.length > 0
        ? {
            deliver: {
              stream: replyStream(msg.channel, msg.conversationId),
              events: replies.map((r) => ({
                kind: 'reply.send' as const,
                payload: {
                  channel: msg.channel,
                  conversationId: msg.conversationId,
                  messageId: msg.messageId,
                  text: r.text,
                },
              })),
            },
          }
        : {};
    return { key: keyOf(msg), status: 'answered', replies: serializeReplies(replies), at: now(), ...deliver, ...rest };
  }

  /**
   * One message, with the conversation locked. The message and its triage
   * are journaled before the answer engine (which may call a slow LLM) runs;
   * the replies, the conversation and any ticket are then written in one
   * transaction. A crash in between leaves the message `received`, and
   * {@link ConversationCore.recover} finishes it at the next start.
   */
  async function handleLocked(msg: InboundMessage, mode: Mode): Promise<HandleResult> {
    let conv = (await store.getConversation(msg.channel, msg.conversationId)) ?? freshConversation(msg);
    const lang = languageOf(msg, conv) ?? 'zh-Hans';
    const text = msg.kind === 'text' ? msg.text : '';
    const triage =
      text.trim() && settings.urgency
        ? settings.urgency(text, lang, recentWorkerTurns(conv))
        : { level: 'none' as const, reasons: [] };
    const journaled = await store.recordInbound({
      ...keyOf(msg),
      conversationId: msg.conversationId,
      kind: msg.kind,
      text,
      urgency: triage.level,
      receivedAt: now(),
    });
    if (!journaled.created && journaled.record.status === 'answered')
      return { status: 'repeat', replies: parseReplies(journaled.record.replies) };
    step('recorded', msg);

    if (text && settings.isEraseCommand?.(text)) {
      // The worker's right to erasure: everything about this conversation goes, tickets included.
      const erased = await store.eraseConversation(msg.channel, msg.conversationId, {
        userId: msg.userId,
        messageId: msg.messageId,
      });
      const total = erased.conversations + erased.tickets + erased.messages + erased.inbox;
      metrics?.inc('gonghui_erasures_total', { channel: msg.channel });
      log?.info(
        { channel: msg.channel, tickets: erased.ticketIds, rows: total },
        "conversation erased at the worker's request",
      );
      const replies = [{ text: notices('data_erased', lang, { count: String(total) }) }];
      await store.finishMessage(outcome(msg, mode, replies));
      return { status: 'answered', replies };
    }

    if (conv.state === 'queued' || conv.state === 'owned') {
      const forwarded = await forwardToStaff(conv, msg, lang, mode);
      if (forwarded)
        return { status: 'answered', replies: forwarded, ...(conv.ticketId ? { ticketId: conv.ticketId } : {}) };
      // The ticket was resolved or is gone: the bot has the conversation again.
      const { ticketId: _gone, lastNoticeAt: _notice, ...rest } = conv;
      void _gone;
      void _notice;
      conv = { ...rest, state: 'bot' };
    }
    if (msg.kind !== 'text') {
      const replies = notTextReply(conv.lang);
      await store.finishMessage(outcome(msg, mode, replies));
      return { status: 'answered', replies };
    }
    const rating = observer && settings.feedbackTexts ? parseFeedbackReply(msg.text) : undefined;
    if (rating !== undefined && settings.feedbackTexts) {
      let recorded = false;
      await observe(async (o) => (recorded = await o.feedback(msg.channel, msg.conversationId, rating, now())));
      if (recorded) {
        const replies = [{ text: settings.feedbackTexts.thanks(lang, rating) }];
        await store.finishMessage(outcome(msg, mode, replies));
        return { status: 'answered', replies };
      }
    }

    const started = performance.now();
    let answer: BotAnswer;
    try {
      // Urgent: no LLM. The hotline and the ticket must not wait for a slow or failing model.
      answer = await engine.ask({
        text: msg.text,
        history: conv.history,
        ...(conv.lang ? { conversationLang: conv.lang } : {}),
        ...(triage.level === 'urgent' ? { offline: true } : {}),
      });
    } catch (error) {
      // The worker gets an apology and can send again; the core keeps serving others.
      metrics?.inc('gonghui_engine_errors_total');
      log?.warn(
        { channel: msg.channel, err: error instanceof Error ? error.message : String(error) },
        'answer engine failed',
      );
      const replies = [{ text: notices('engine_error', lang, values) }];
      await store.finishMessage({ ...outcome(msg, mode, replies), status: 'failed' });
      return { status: 'answered', replies };
    }
    step('engine-answered', msg);
    metrics?.observeLatency(performance.now() - started);
    metrics?.inc('gonghui_answers_total', { mode: answer.mode });
    // Triage on arrival wins over a milder engine verdict: the journal promised this message a ticket.
    if (triage.level === 'urgent' && answer.escalate !== 'urgent')
      answer = { ...answer, escalate: 'urgent', reasons: [...new Set([...answer.reasons, ...triage.reasons])] };

    const history = [
      ...conv.history,
      { role: 'worker' as const, text: historyText(msg.text) },
      // The memo (a calculator's pending question) follows the reply, so a cut never drops it.
      {
        role: 'bot' as const,
        text: botTurnText({ answer: historyText(answer.answer), ...(answer.memo ? { memo: answer.memo } : {}) }),
      },
    ].slice(-historyTurns);
    if (answer.escalate === 'urgent' || answer.escalate === 'person') {
      const wait = await ticketWait(msg);
      if (wait === 0) return openTicket(conv, msg, { ...answer, escalate: answer.escalate }, history, mode);
      // A flood of hand-off requests: the answer (with the hotline when urgent) but no ticket.
      metrics?.inc('gonghui_ticket_rate_limited_total', { channel: msg.channel });
      log?.warn({ channel: msg.channel, level: answer.escalate }, 'ticket not opened: ticket rate limit');
      const replies = [{ text: `${answer.answer}\n\n${notices('ticket_limited', answer.language, values)}`, answer }];
      await store.finishMessage(
        outcome(msg, mode, replies, {
          conversation: { ...conv, state: 'bot', history, lang: answer.language, updatedAt: now() },
        }),
      );
      return { status: 'rate_limited', replies, retryAfterMs: wait };
    }

    // An invalid message says nothing about the worker's language.
    const nextLang = answer.mode === 'invalid_input' ? conv.lang : answer.language;
    const askFeedback = settings.feedbackTexts !== undefined && observer !== undefined && asksForFeedback(answer);
    const replies = [
      { text: answer.answer, answer },
      ...(askFeedback && settings.feedbackTexts ? [{ text: settings.feedbackTexts.ask(answer.language) }] : []),
    ];
    await store.finishMessage(
      outcome(msg, mode, replies, {
        conversation: { ...conv, state: 'bot', history, ...(nextLang ? { lang: nextLang } : {}), updatedAt: now() },
      }),
    );
    step('finished', msg);
    await observe((o) =>
      o.answered({
        at: now(),
        channel: msg.channel,
        conversationId: msg.conversationId,
        question: msg.text,
        answer,
        feedbackAsked: askFeedback,
      }),
    );
    return { status: 'answered', replies };
  }

  /** Runs one message once at a time: a redelivery while it is being answered waits for the same result. */
  function runOnce(msg: InboundMessage, task: () => Promise<HandleResult>): Promise<HandleResult> {
    const k = keyString(msg);
    const running = inFlight.get(k);
    if (running) return running.then((r) => (r.status === 'answered' ? { ...r, status: 'repeat' } : r));
    const p = task().finally(() => inFlight.delete(k));
    inFlight.set(k, p);
    return p;
  }

  function receive(msg: InboundMessage): Promise<HandleResult> {
    return runOnce(msg, async () => {
      const seen = await store.getInbound(keyOf(msg));
      if (seen?.status === 'answered') {
        metrics?.inc('gonghui_duplicates_total', { channel: msg.channel });
        return { status: 'repeat', replies: parseReplies(seen.replies) };
      }
      metrics?.inc('gonghui_messages_total', { channel: msg.channel });
      // Decided on arrival, so a flood does not queue up behind the lock. A message left
      // unfinished by a crash is not charged again.
      if (seen?.status !== 'received') {
        const limiterKey = `${msg.channel}:${msg.userId}`;
        const decision = await limiter.take(limiterKey);
        if (decision !== 'allow') {
          metrics?.inc('gonghui_rate_limited_total', { channel: msg.channel });
          const retryAfterMs = await limiter.retryAfterMs(limiterKey);
          if (decision === 'drop') return { status: 'rate_limited', replies: [], retryAfterMs };
          const lang = languageOf(msg, await store.getConversation(msg.channel, msg.conversationId)) ?? 'zh-Hans';
          return { status: 'rate_limited', replies: [{ text: notices('rate_limited', lang, values) }], retryAfterMs };
        }
      }
      return lock.run(conversationKey(msg.channel, msg.conversationId), () => handleLocked(msg, 'live'));
    });
  }

  async function recover(): Promise<number> {
    let finished = 0;
    const tried = new Set<string>();
    for (;;) {
      // Each message is tried once per call: one that keeps failing waits for the next start, not a busy loop.
      const pending = (await store.pendingInbound(100)).filter(
        (r) => !inFlight.has(keyString(r)) && !tried.has(keyString(r)),
      );
      if (pending.length === 0) return finished;
      for (const r of pending) {
        tried.add(keyString(r));
        const msg: InboundMessage = {
          channel: r.channel,
          conversationId: r.conversationId,
          userId: r.userId,
          messageId: r.messageId,
          kind: toKind(r.kind),
          text: r.text,
          timestamp: r.receivedAt,
        };
        await runOnce(msg, () =>
          lock.run(conversationKey(msg.channel, msg.conversationId), () => handleLocked(msg, 'recover')),
        );
        finished += 1;
      }
      log?.warn({ finished }, 'finished messages left unanswered by a restart');
    }
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
    await observe((o) => o.ticketChanged({ at: ticket.updatedAt, action: 'claimed', ticket, staff: staffUserId }));
    return { ok: true, ticket };
  }

  /** Only the owner of a claimed ticket, or a lead, speaks to the worker; claiming is explicit. */
  async function staffReply(ticketId: string, staffUserId: string, text: string): Promise<StaffReplyResult> {
    if (text.trim() === '') return { ok: false, reason: 'empty' };
    const at = now();
    const lead = leads.has(staffUserId) || (await settings.isLead?.(staffUserId)) === true;
    let refusal: StaffReplyResult | undefined;
    const result = await store.updateTicket(ticketId, (t) => {
      if (t.status === 'resolved') refusal = { ok: false, reason: 'resolved' };
      else if (!t.owner) refusal = { ok: false, reason: 'not_claimed' };
      else if (t.owner !== staffUserId && !lead) refusal = { ok: false, reason: 'not_owner' };
      if (refusal) return undefined;
      return {
        ticket: { ...t, transcript: [...t.transcript, { role: 'staff', text, at }], updatedAt: at },
        events: [{ kind: 'worker.send', payload: { text } }],
      };
    });
    if (!result.ticket) return { ok: false, reason: 'not_found' };
    if (!result.changed) return refusal ?? { ok: false, reason: 'resolved' };
    metrics?.inc('gonghui_staff_replies_total');
    const replied = result.ticket;
    await observe((o) => o.ticketChanged({ at, action: 'replied', ticket: replied, staff: staffUserId }));
    return { ok: true };
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
    const resolved = result.ticket;
    await observe((o) => o.ticketChanged({ at, action: 'resolved', ticket: resolved, staff: staffUserId }));
    return true;
  }

  return {
    receive,
    // A push channel's redelivery must not send the answer twice: only `receive` returns the original replies.
    handle: async (msg) => {
      const r = await receive(msg);
      return r.status === 'repeat' ? [] : r.replies;
    },
    recover,
    claim,
    staffReply,
    resolve,
    listOpenTickets: () => store.listOpenTickets(),
    getTicket: (id) => store.getTicket(id),
  };
}
