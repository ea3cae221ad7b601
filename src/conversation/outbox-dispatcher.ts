import { z } from 'zod';
import type { Logger } from '../shared/logger.js';
import { outboxStream, type TicketStore } from '../stores/ticket-store.js';
import { NOTICE_KEYS, type NoticeRenderer } from './notices.js';
import type { ChannelName, OutboxItem, StaffDesk, WorkerSender } from './types.js';

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
  /** Items handled per drain. @default 100 */
  readonly batchSize?: number;
  /** Processed message ids and delivered events are kept this long. @default 7 days */
  readonly retentionMs?: number;
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
const replyPayload = z.object({ channel: z.enum(['wechat', 'http', 'cli']), conversationId: z.string(), text: z.string() });
const threadPayload = z.object({ text: z.string(), role: z.enum(['worker', 'bot']).default('worker') });

/** The item cannot be delivered yet (no desk, not posted yet): it stays in the outbox and is retried. */
class NotReady extends Error {}

const HOUR_MS = 3_600_000;

/**
 * Delivers outbox events: new tickets and updates to Slack, worker messages
 * to their channel. At-least-once with idempotence where it matters: a ticket
 * already posted (Slack ts recorded) is never posted again, and a reminder is
 * enqueued once per ticket (persisted, so a restart does not repeat it).
 * Failures are retried with exponential backoff; nothing is dropped. Events
 * of one ticket reach each destination in the order they were written.
 */
export function createOutboxDispatcher(settings: OutboxDispatcherSettings): OutboxDispatcher {
  const { store } = settings;
  const now = settings.now ?? Date.now;
  const retryBase = settings.retryBaseMs ?? 1000;
  const retryMax = settings.retryMaxMs ?? 10 * 60_000;
  const log = settings.logger;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | undefined;
  let running = false;
  let lastPrune = 0;

  async function deliver(item: OutboxItem): Promise<void> {
    if (item.kind === 'reply.send') {
      // The bot's answer to a message finished after a restart: no ticket behind it.
      const p = replyPayload.parse(JSON.parse(item.payload));
      const sender = settings.senders.get(p.channel);
      if (!sender) throw new NotReady(`no sender for channel ${p.channel}`);
      await sender.send(p.conversationId, p.text);
      return;
    }
    const ticket = await store.getTicket(item.ticketId);
    if (!ticket) return; // nothing to deliver for a vanished ticket
    const desk = settings.desk;
    switch (item.kind) {
      case 'ticket.post': {
        if (ticket.slack) return; // posted before a crash: never twice
        if (!desk) throw new NotReady('no staff desk configured');
        // An earlier attempt (another instance that died, a timeout) may have posted it: look before posting again.
        const ref = (item.attempts > 0 ? await desk.findTicketPost?.(ticket) : undefined) ?? (await desk.postTicket(ticket));
        await store.setSlackRef(ticket.id, ref);
        return;
      }
      case 'ticket.update':
        if (!desk || !ticket.slack) throw new NotReady('ticket not posted yet');
        await desk.updateTicket(ticket);
        return;
      case 'ticket.thread': {
        if (!desk || !ticket.slack) throw new NotReady('ticket not posted yet');
        const p = threadPayload.parse(JSON.parse(item.payload));
        await desk.postToThread(ticket, p.text, p.role);
        return;
      }
      case 'ticket.remind':
        if (ticket.status !== 'open') return; // claimed meanwhile: no reminder needed
        if (!desk || !ticket.slack) throw new NotReady('ticket not posted yet');
        await desk.remind(ticket, Math.round((now() - ticket.createdAt) / 60_000));
        return;
      case 'worker.send': {
        const sender = settings.senders.get(ticket.channel);
        if (!sender) throw new NotReady(`no sender for channel ${ticket.channel}`);
        const p = workerPayload.parse(JSON.parse(item.payload));
        const text =
          'text' in p
            ? settings.notices('staff_reply', ticket.language, { text: p.text })
            : settings.notices(p.notice, ticket.language, { ...settings.noticeValues, ticket: ticket.id });
        await sender.send(ticket.conversationId, text);
        return;
      }
    }
  }

  async function drain(): Promise<number> {
    let delivered = 0;
    // A failed item holds back the later items of its stream, so they keep their order.
    const blocked = new Set<string>();
    for (const item of await store.dueOutbox(now(), settings.batchSize ?? 100)) {
      const stream = `${item.ticketId}\u0000${outboxStream(item.kind)}`;
      if (blocked.has(stream)) continue;
      try {
        await deliver(item);
        await store.markDelivered(item.id, now());
        delivered += 1;
      } catch (error) {
        blocked.add(stream);
        const backoff = Math.min(retryMax, retryBase * 2 ** Math.min(item.attempts, 20));
        await store.markFailed(item.id, now() + backoff);
        // "Not ready" is expected while Slack is off: say it once, not every second.
        if (!(error instanceof NotReady) || item.attempts === 0) {
          log?.warn({ outbox: item.id, kind: item.kind, ticket: item.ticketId, attempts: item.attempts + 1, err: error instanceof Error ? error.message : String(error) }, 'outbox delivery failed; will retry');
        }
      }
    }
    return delivered;
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
    for (const t of await store.listOpenTickets()) {
      if (t.status !== 'open' || t.category !== 'urgent' || now() - t.createdAt < limitMs) continue;
      if (await store.enqueueOnce('ticket.remind', t.id, {}, now(), `remind:${t.id}`)) count += 1;
    }
    return count;
  }

  async function tick(): Promise<number> {
    await checkReminders();
    if (now() - lastPrune >= HOUR_MS) {
      lastPrune = now();
      await store.prune(now() - (settings.retentionMs ?? 7 * 24 * HOUR_MS));
    }
    return drain();
  }

  return {
    drainOnce: () => exclusive(drain),
    checkReminders: () => exclusive(checkReminders),
    start(intervalMs = 1000): void {
      if (timer) return;
      timer = setInterval(() => {
        exclusive(tick).catch((error: unknown) => log?.error({ err: error instanceof Error ? error.message : String(error) }, 'outbox loop failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight?.catch(() => undefined);
    },
  };
}
