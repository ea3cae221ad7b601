import type { Lang } from '../core/types.js';
import type { ChannelName, ConversationState, OutboxItem, OutboxKind, Ticket } from '../conversation/types.js';

/** Per-conversation state the core keeps between messages. */
export interface ConversationRecord {
  readonly channel: ChannelName;
  readonly conversationId: string;
  readonly state: ConversationState;
  readonly lang?: Lang;
  /** Recent turns, oldest first, for follow-up questions. */
  readonly history: readonly { role: 'worker' | 'bot'; text: string }[];
  /** Open ticket while queued or owned. */
  readonly ticketId?: string;
  /** Last "your message was passed to staff" notice, epoch ms. */
  readonly lastNoticeAt?: number;
  readonly updatedAt: number;
}

/** An outbox event written together with a ticket change. */
export interface OutboxEvent {
  readonly kind: OutboxKind;
  readonly payload: unknown;
}

/** A ticket change computed from the ticket as currently stored. */
export interface TicketChange {
  readonly ticket: Ticket;
  readonly events: readonly OutboxEvent[];
}

/** Counts for health checks and the load test. */
export interface StoreStats {
  readonly processedMessages: number;
  readonly conversations: number;
  readonly openTickets: number;
  /** Outbox events not delivered yet. */
  readonly pendingOutbox: number;
}

/**
 * Persistence of tickets, conversation state, processed message ids and the
 * outbox. SQLite is the embedded default; a server database can implement
 * the same interface. Methods that change a ticket and enqueue its delivery
 * do both atomically.
 */
export interface TicketStore {
  /** Records a platform message id; false when it was already seen (redelivery). */
  markProcessed(channel: ChannelName, messageId: string, at: number): Promise<boolean>;
  getConversation(channel: ChannelName, conversationId: string): Promise<ConversationRecord | undefined>;
  saveConversation(record: ConversationRecord): Promise<void>;
  getTicket(id: string): Promise<Ticket | undefined>;
  listOpenTickets(): Promise<Ticket[]>;
  /**
   * Writes the ticket and enqueues the outbox events in one transaction;
   * with `conversation`, that record is saved in the same transaction (an
   * escalation moves the conversation to `queued` atomically with the ticket).
   */
  saveTicket(ticket: Ticket, events: readonly OutboxEvent[], conversation?: ConversationRecord): Promise<void>;
  /**
   * Read-modify-write of one ticket in one transaction, so concurrent changes
   * (a staff claim while a worker message is appended) never overwrite each
   * other. `change` sees the stored ticket and returns the new one with its
   * outbox events, or undefined to leave it as is.
   */
  updateTicket(id: string, change: (current: Ticket) => TicketChange | undefined): Promise<{ changed: boolean; ticket?: Ticket }>;
  /** Claims a ticket for a staff member if nobody owns it; returns the ticket after the attempt. */
  claimTicket(id: string, owner: string, at: number, events: readonly OutboxEvent[]): Promise<{ claimed: boolean; ticket?: Ticket }>;
  enqueue(kind: OutboxKind, ticketId: string, payload: unknown, at: number): Promise<void>;
  /** Enqueues unless an event with the same key was ever enqueued; true when it was added. */
  enqueueOnce(kind: OutboxKind, ticketId: string, payload: unknown, at: number, key: string): Promise<boolean>;
  /**
   * Outbox items due now, oldest first. Events of one ticket form two ordered
   * streams (to the staff desk, to the worker): an item waiting behind an
   * earlier undelivered one of its stream is not returned.
   */
  dueOutbox(now: number, limit: number): Promise<OutboxItem[]>;
  markDelivered(id: number, at: number): Promise<void>;
  markFailed(id: number, retryAt: number): Promise<void>;
  /** Records where a ticket was posted in Slack. */
  setSlackRef(ticketId: string, ref: { channel: string; ts: string }): Promise<void>;
  /** Keeps a message for a worker on a channel that cannot push (HTTP), until fetched. */
  pushInbox(conversationId: string, text: string, at: number): Promise<void>;
  /** Returns and removes the waiting messages, oldest first. */
  takeInbox(conversationId: string): Promise<string[]>;
  /** Forgets processed message ids and delivered outbox events older than `before`; returns rows removed. */
  prune(before: number): Promise<number>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Which ordered delivery stream an outbox kind belongs to. */
export function outboxStream(kind: OutboxKind): 'desk' | 'worker' {
  return kind === 'worker.send' ? 'worker' : 'desk';
}
