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
  /** Writes the ticket and enqueues the outbox events in one transaction. */
  saveTicket(ticket: Ticket, events: readonly { kind: OutboxKind; payload: unknown }[]): Promise<void>;
  /** Claims a ticket for a staff member if nobody owns it; returns the ticket after the attempt. */
  claimTicket(id: string, owner: string, at: number, events: readonly { kind: OutboxKind; payload: unknown }[]): Promise<{ claimed: boolean; ticket?: Ticket }>;
  enqueue(kind: OutboxKind, ticketId: string, payload: unknown, at: number): Promise<void>;
  /** Outbox items due now, oldest first. */
  dueOutbox(now: number, limit: number): Promise<OutboxItem[]>;
  markDelivered(id: number, at: number): Promise<void>;
  markFailed(id: number, retryAt: number): Promise<void>;
  /** Records where a ticket was posted in Slack. */
  setSlackRef(ticketId: string, ref: { channel: string; ts: string }): Promise<void>;
  /** Keeps a message for a worker on a channel that cannot push (HTTP), until fetched. */
  pushInbox(conversationId: string, text: string, at: number): Promise<void>;
  /** Returns and removes the waiting messages, oldest first. */
  takeInbox(conversationId: string): Promise<string[]>;
  close(): Promise<void>;
}
