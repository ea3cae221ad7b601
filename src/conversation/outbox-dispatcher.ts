import { errorText } from '../shared/error-text.js';
import { z } from 'zod';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import { outboxStream, type TicketStore } from './ticket-store.js';
import { NOTICE_KEYS, type NoticeRenderer } from './notices.js';
import {
  CHANNEL_NAMES,
  type ChannelName,
  type OutboxItem,
  type StaffDesk,
  type Ticket,
  type WorkerSender,
} from './types.js';

export interface OutboxDispatcherSettings {
  readonly store: TicketStore;
  /** The staff desk (Slack); when absent, desk events wait in the outbox. */
  readonly desk?: StaffDesk;
  readonly senders: ReadonlyMap<ChannelName, WorkerSender>;
  readonly notices: NoticeRenderer;
  /** Values for notice placeholders (`union_hotline`, `emergency`). */
  readonly noticeValues?: Readonly<Record<string, string>>;
  /** Remind the staff channel when an urgent ticket is unclaimed this long. @default 10 */
  readonly reminderMinutes?: number;
  /** First retry delay; doubles per attempt. @default 1000 */
  readonly retryBaseMs?: number;
  /** Longest retry delay. @default 10 min */
  readonly retryMaxMs?: number;
  /**
   * One delivery call longer than this counts as failed (our timeout; the Slack client's own retries are off).
   * @default 15 s
   */
  readonly sendTimeoutMs?: number;
  /**
   * Failed attempts after which an item becomes a dead letter (logged as an error, counted in /metrics).
   * @default 12
   */
  readonly maxAttempts?: number;
  /** Items fetched per drain. @default 200 */
  readonly batchSize?: number;
  /** Processed message ids and delivered events are kept this long. @default 7 days */
  readonly retentionMs?: number;
  readonly metrics?: Metrics;
  readonly logger?: Logger;
  readonly now?: () => number;
}

export interface OutboxDispatcher {
  /** Delivers every item due now (in order per ticket and destination); returns how many were delivered. */
  drainOnce(): Promise<number>;
  /** Enqueues one reminder per urgent ticket unclaimed longer than the configured minutes; returns how many. */
  checkReminders(): Promise<number>;
  /** Polls every `intervalMs` until {@link OutboxDispatcher.stop}. */
  start(intervalMs?: number): void;
  /** Stops polling and waits for a delivery in progress, so the store can be closed after it. */
  stop(): Promise<void>;
}

const workerPayload = z.union([z.object({ text: z.string() }), z.object({ notice: z.enum(NOTICE_KEYS) })]);
const replyPayload = z.object({ channel: z.enum(CHANNEL_NAMES), conversationId: z.string(), text: z.string() });
const threadPayload = z.object({ text: z.string(), role: z.enum(['worker', 'bot']).default('worker') });

/**
 * The item cannot be delivered yet (no desk, not posted yet): it stays in the outbox and is retried, without
 * counting toward a dead letter.
 */
class NotReady extends Error {}
class Timeout extends Error {}

const HOUR_MS = 3_600_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Delivers outbox events: new tickets and updates to Slack, worker messages
 * to their channel. Each destination (slack, wechat, http) drains as its own
 * queue, concurrently, so a stuck destination never holds up another; within
 * a destination, events of one ticket keep their order. Every call has our
 * own timeout; a failure is logged and counted, retried with exponential
 * backoff, and after `maxAttempts` becomes a dead letter (error log + metric).
 * A ticket post that an earlier attempt may have made (the process died, or
 * the call timed out) is looked up in Slack before posting again. Reminders
 * are enqueued once per ticket under a persisted key, so a restart never
 * repeats them.
 */
export function createOutboxDispatcher(settings: OutboxDispatcherSettings): OutboxDispatcher {
  const { store } = settings;
  const now = settings.now ?? Date.now;
  const retryBase = settings.retryBaseMs ?? 1000;
  const retryMax = settings.retryMaxMs ?? 10 * 60_000;
  const sendTimeout = settings.sendTimeoutMs ?? 15_000;
  const maxAttempts = settings.maxAttempts ?? 12;
  const log = settings.logger;
  const metrics = settings.metrics;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | undefined;
  let running = false;
  let lastPrune = 0;
  /** Destinations being drained: each drains on its own, so a slow one never holds up another. */
  const busy = new Map<string, Promise<number>>();

  /** Runs one external call: marked as started first (so a crash during it is known), under our timeout. */
  async function send<T>(item: OutboxItem, what: string, call: () => Promise<T>): Promise<T> {
    await store.beginAttempt(item.id, now());
    return withTimeout(call(), sendTimeout, what);
  }

  async function postTicket(item: OutboxItem, ticket: Ticket, desk: StaffDesk): Promise<void> {
    // An earlier attempt started: it may have posted before dying or timing out. Look before posting again.
    if ((item.startedAt !== undefined || item.attempts > 0) && desk.findPostedTicket) {
      const found = await withTimeout(desk.findPostedTicket(ticket), sendTimeout, 'Slack look-up');
      if (found) {
        log?.warn({ ticket: ticket.id }, 'ticket was already posted by an earlier attempt; not posting again');
        await store.setSlackRef(ticket.id, found);
        return;
      }
    }
    const ref = await send(item, 'chat.postMessage', () => desk.postTicket(ticket));
    await store.setSlackRef(ticket.id, ref);
  }

  async function deliver(item: OutboxItem): Promise<void> {
    if (item.kind === 'reply.send') {
      // The bot's answer to a message finished after a restart: no ticket behind it.
      const p = replyPayload.parse(JSON.parse(item.payload));
      const sender = settings.senders.get(p.channel);
      if (!sender) throw new NotReady(`no sender for channel ${p.channel}`);
      await send(item, `${p.channel} send`, () => sender.send(p.conversationId, p.text));
      return;
    }
    const ticket = await store.getTicket(item.ticketId);
    if (!ticket) return; // nothing to deliver for a vanished (erased) ticket
    const desk = settings.desk;
    switch (item.kind) {
      case 'ticket.post':
        if (ticket.slack) return; // posted before a crash: never twice
        if (!desk) throw new NotReady('no staff desk configured');
        await postTicket(item, ticket, desk);
        return;
      case 'ticket.update':
        if (!desk || !ticket.slack) throw new NotReady('ticket not posted yet');
        await send(item, 'chat.update', () => desk.updateTicket(ticket));
        return;
      case 'ticket.thread': {
        if (!desk || !ticket.slack) throw new NotReady('ticket not posted yet');
        const p = threadPayload.parse(JSON.parse(item.payload));
        await send(item, 'thread post', () => desk.postToThread(ticket, p.text, p.role));
        return;
      }
      case 'ticket.remind':
        if (ticket.status !== 'open') return; // claimed meanwhile: no reminder needed
        if (!desk || !ticket.slack) throw new NotReady('ticket not posted yet');
        await send(item, 'reminder', () => desk.remind(ticket, Math.round((now() - ticket.createdAt) / 60_000)));
        return;
      case 'worker.send': {
        const sender = settings.senders.get(ticket.channel);
        if (!sender) throw new NotReady(`no sender for channel ${ticket.channel}`);
        const p = workerPayload.parse(JSON.parse(item.payload));
        const text =
          'text' in p
            ? settings.notices('staff_reply', ticket.language, { text: p.text })
            : settings.notices(p.notice, ticket.language, { ...settings.noticeValues, ticket: ticket.id });
        await send(item, `${ticket.channel} send`, () =>
          sender.send(ticket.conversationId, text, { ticket, ...('notice' in p ? { notice: p.notice } : {}) }),
        );
        return;
      }
    }
  }

  async function failed(item: OutboxItem, destination: string, error: unknown): Promise<void> {
    const notReady = error instanceof NotReady;
    const attempts = item.attempts + 1;
    if (!notReady && attempts >= maxAttempts) {
      await store.markDead(item.id, now(), errorText(error));
      metrics?.inc('gonghui_outbox_dead_letters_total', { destination, kind: item.kind });
      // The alert: an error line (and the dead-letter metric) for an operator to act on.
      log?.error(
        { outbox: item.id, kind: item.kind, ticket: item.ticketId, destination, attempts, err: errorText(error) },
        'outbox item moved to dead letters after repeated failures',
      );
      return;
    }
    const backoff = Math.min(retryMax, retryBase * 2 ** Math.min(item.attempts, 20));
    await store.markFailed(item.id, now() + backoff);
    if (notReady) {
      // Expected while Slack is off: said once per item, not every second.
      if (item.attempts === 0)
        log?.warn(
          { outbox: item.id, kind: item.kind, ticket: item.ticketId, destination, reason: errorText(error) },
          'outbox item waiting',
        );
      return;
    }
    metrics?.inc('gonghui_outbox_failures_total', { destination, kind: item.kind });
    log?.warn(
      {
        outbox: item.id,
        kind: item.kind,
        ticket: item.ticketId,
        destination,
        attempts,
        retryInMs: backoff,
        err: errorText(error),
      },
      'outbox delivery failed; will retry',
    );
  }

  /**
   * One destination's queue, in order; a failed item holds back the later
   * items of its stream. Three failures in a row end the round: the
   * destination is probably down, and the rest waits for the next poll.
   */
  async function drainDestination(destination: string, items: readonly OutboxItem[]): Promise<number> {
    let delivered = 0;
    let failuresInARow = 0;
    const blocked = new Set<string>();
    for (const item of items) {
      const stream = `${item.ticketId}\u0000${outboxStream(item.kind)}`;
      if (blocked.has(stream)) continue;
      try {
        await deliver(item);
        await store.markDelivered(item.id, now());
        metrics?.inc('gonghui_outbox_delivered_total', { destination, kind: item.kind });
        delivered += 1;
        failuresInARow = 0;
      } catch (error) {
        blocked.add(stream);
        await failed(item, destination, error);
        if (!(error instanceof NotReady) && ++failuresInARow >= 3) break;
      }
    }
    return delivered;
  }

  /** Starts a drain of every destination not already draining; `wait` waits for them (tests, shutdown). */
  async function drain(wait: boolean): Promise<number> {
    const byDestination = new Map<string, OutboxItem[]>();
    for (const item of await store.dueOutbox(now(), settings.batchSize ?? 200, [...busy.keys()])) {
      const d = item.destination ?? (outboxStream(item.kind) === 'desk' ? 'slack' : 'worker');
      byDestination.set(d, [...(byDestination.get(d) ?? []), item]);
    }
    const started: Promise<number>[] = [];
    for (const [d, items] of byDestination) {
      if (busy.has(d)) continue;
      const p = drainDestination(d, items)
        .catch((error: unknown) => {
          log?.error({ destination: d, err: errorText(error) }, 'outbox drain failed');
          return 0;
        })
        .finally(() => busy.delete(d));
      busy.set(d, p);
      started.push(p);
    }
    if (!wait) return 0;
    return (await Promise.all(started)).reduce((a, b) => a + b, 0);
  }

  /** Runs `task` unless another drain or check is running (the poll loop and tests share the store). */
  async function exclusive(task: () => Promise<number>): Promise<number> {
    if (running) return 0;
    running = true;
    const p = task();
    inFlight = p;
    try {
      return await p;
    } finally {
      running = false;
      inFlight = undefined;
    }
  }

  async function checkReminders(): Promise<number> {
    const limitMs = (settings.reminderMinutes ?? 10) * 60_000;
    let count = 0;
    // An indexed query, not a read of every open ticket each second.
    for (const id of await store.unclaimedUrgentWithoutReminder(now() - limitMs)) {
      if (await store.enqueueOnce('ticket.remind', id, {}, now(), `remind:${id}`)) count += 1;
    }
    return count;
  }

  async function tick(): Promise<number> {
    await checkReminders();
    if (now() - lastPrune >= HOUR_MS) {
      lastPrune = now();
      await store.prune(now() - (settings.retentionMs ?? 7 * 24 * HOUR_MS));
    }
    return drain(false);
  }

  return {
    drainOnce: () => exclusive(() => drain(true)),
    checkReminders: () => exclusive(checkReminders),
    start(intervalMs = 1000): void {
      if (timer) return;
      timer = setInterval(() => {
        exclusive(tick).catch((error: unknown) => log?.error({ err: errorText(error) }, 'outbox loop failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight?.catch(() => undefined);
      await Promise.all(busy.values());
    },
  };
}
