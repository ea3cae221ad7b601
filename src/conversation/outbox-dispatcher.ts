import { z } from 'zod';
import type { Logger } from '../shared/logger.js';
import type { TicketStore } from '../stores/ticket-store.js';
import type { NoticeKey, NoticeRenderer } from './notices.js';
import type { ChannelName, OutboxItem, StaffDesk, WorkerSender } from './types.js';

export interface OutboxDispatcherSettings {
  readonly store: TicketStore;
  /** The staff desk (Slack); when absent, desk events wait in the outbox. */
  readonly desk?: StaffDesk;
  readonly senders: ReadonlyMap<ChannelName, WorkerSender>;
  readonly notices: NoticeRenderer;
  /** Remind the staff channel when an urgent ticket is unclaimed this long. @default 10 */
  readonly reminderMinutes?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
}

const workerPayload = z.object({ text: z.string().optional(), notice: z.string().optional() });
const threadPayload = z.object({ text: z.string(), role: z.enum(['worker', 'bot']).default('worker') });

/** Why an item could not be delivered yet (it stays in the outbox and is retried). */
class NotReady extends Error {}

/**
 * Delivers outbox events: new tickets and updates to Slack, worker messages
 * to their channel. At-least-once with idempotence where it matters: a ticket
 * already posted (Slack ts recorded) is never posted again. Failures are
 * retried with exponential backoff; nothing is dropped.
 */
export function createOutboxDispatcher(settings: OutboxDispatcherSettings) {
  const { store } = settings;
  const now = settings.now ?? Date.now;
  const reminded = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  async function deliver(item: OutboxItem): Promise<void> {
    const ticket = await store.getTicket(item.ticketId);
    if (!ticket) return; // nothing to deliver for a vanished ticket
    const desk = settings.desk;
    switch (item.kind) {
      case 'ticket.post': {
        if (ticket.slack) return; // posted before a crash: never twice
        if (!desk) throw new NotReady('no staff desk configured');
        const ref = await desk.postTicket(ticket);
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
        if (!desk || !ticket.slack) throw new NotReady('ticket not posted yet');
        if (ticket.status === 'open') await desk.remind(ticket, Math.round((now() - ticket.createdAt) / 60_000));
        return;
      case 'worker.send': {
        const sender = settings.senders.get(ticket.channel);
        if (!sender) throw new NotReady(`no sender for channel ${ticket.channel}`);
        const p = workerPayload.parse(JSON.parse(item.payload));
        const text = p.text !== undefined ? settings.notices('staff_reply', ticket.language, { text: p.text }) : settings.notices((p.notice ?? 'forwarded') as NoticeKey, ticket.language, { ticket: ticket.id });
        await sender.send(ticket.conversationId, text);
        return;
      }
    }
  }

  /** Delivers every item due now; returns how many were delivered. */
  async function drainOnce(): Promise<number> {
    if (running) return 0;
    running = true;
    let delivered = 0;
    try {
      for (const item of await store.dueOutbox(now(), 100)) {
        try {
          await deliver(item);
          await store.markDelivered(item.id, now());
          delivered += 1;
        } catch (error) {
          const backoff = Math.min(10 * 60_000, 1000 * 2 ** Math.min(item.attempts, 10));
          await store.markFailed(item.id, now() + backoff);
          if (!(error instanceof NotReady) || item.attempts === 0) {
            settings.logger?.warn({ outbox: item.id, kind: item.kind, attempts: item.attempts + 1, err: error instanceof Error ? error.message : String(error) }, 'outbox delivery failed; will retry');
          }
        }
      }
    } finally {
      running = false;
    }
    return delivered;
  }

  /** Enqueues a reminder for urgent tickets unclaimed longer than the configured minutes. */
  async function checkReminders(): Promise<number> {
    const limitMs = (settings.reminderMinutes ?? 10) * 60_000;
    let count = 0;
    for (const t of await store.listOpenTickets()) {
      if (t.status !== 'open' || t.category !== 'urgent' || reminded.has(t.id) || now() - t.createdAt < limitMs) continue;
      reminded.add(t.id);
      await store.enqueue('ticket.remind', t.id, {}, now());
      count += 1;
    }
    return count;
  }

  return {
    drainOnce,
    checkReminders,
    /** Polls every `intervalMs` until {@link stop}. */
    start(intervalMs = 1000): void {
      timer = setInterval(() => {
        void checkReminders().then(drainOnce).catch((error: unknown) => settings.logger?.error({ err: String(error) }, 'outbox loop failed'));
      }, intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}
