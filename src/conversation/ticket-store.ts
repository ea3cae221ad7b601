import type { Lang } from '../core/types.js';
import type { ChannelName, ConversationState, OutboxItem, OutboxKind, Ticket } from './types.js';
import type { PurgeCounts, PurgeCutoffs } from '../privacy/retention.js';

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

/** Identity of one inbound message: ids are unique per sender, not per channel. */
export interface InboundKey {
  readonly channel: ChannelName;
  readonly userId: string;
  readonly messageId: string;
}

/**
 * A worker message as journaled on arrival, before any slow call. `received`
 * means not finished yet (a restart finishes it); `answered` carries the
 * replies given, so a redelivery gets the same answer; `failed` (the engine
 * threw) is tried again when the same message comes back.
 */
export interface InboundRecord extends InboundKey {
  readonly conversationId: string;
  readonly kind: string;
  /** The message text; cleared once the message is answered (the history keeps what follow-ups need). */
  readonly text: string;
  /** Triage level decided on arrival. */
  readonly urgency: 'none' | 'person' | 'urgent';
  readonly status: 'received' | 'answered' | 'failed';
  /** Replies (JSON of the core's OutboundReply[]) once answered. */
  readonly replies?: string;
  readonly ticketId?: string;
  readonly receivedAt: number;
}

/** Everything that finishes one inbound message, written in one transaction. */
export interface MessageOutcome {
  readonly key: InboundKey;
  readonly status: 'answered' | 'failed';
  /** JSON of the replies, returned again for a redelivery. */
  readonly replies: string;
  readonly at: number;
  readonly conversation?: ConversationRecord;
  /** A new ticket and its events. */
  readonly newTicket?: { readonly ticket: Ticket; readonly events: readonly OutboxEvent[] };
  /** A change to an existing ticket; when `change` returns undefined nothing of the outcome is written. */
  readonly ticketChange?: { readonly id: string; readonly change: (current: Ticket) => TicketChange | undefined };
  /** Replies to deliver through the outbox (a message finished after a restart, with nobody waiting for it). */
  readonly deliver?: { readonly stream: string; readonly events: readonly OutboxEvent[] };
}

/** A staff message waiting for an HTTP client. */
export interface InboxMessage {
  readonly id: number;
  readonly text: string;
  readonly at: number;
}

// The retention job declares what a purge returns; the store implements it.
export type { PurgeCounts } from '../privacy/retention.js';

/** Rows removed by erasing one person's conversation. */
export interface EraseCounts {
  readonly conversations: number;
  readonly tickets: number;
  readonly messages: number;
  readonly inbox: number;
  readonly outbox: number;
  /** Ids of the erased tickets (for the staff desk). */
  readonly ticketIds: readonly string[];
}

/** Outbox health per destination (`slack`, `wechat`, `http`). */
export interface OutboxStats {
  readonly destinations: readonly { destination: string; depth: number; oldestAgeMs: number; deadLetters: number }[];
  readonly oldestUnclaimedUrgentAgeMs: number;
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
  /**
   * Records a platform message id; false when it was already seen (redelivery). Legacy: the core journals
   * messages with {@link TicketStore.recordInbound}.
   */
  markProcessed(channel: ChannelName, messageId: string, at: number): Promise<boolean>;
  /**
   * Journals a message on arrival (status `received`). Returns `created:
   * false` and the stored record when the key was seen before.
   */
  recordInbound(
    record: Omit<InboundRecord, 'status' | 'replies' | 'ticketId'>,
  ): Promise<{ created: true } | { created: false; record: InboundRecord }>;
  getInbound(key: InboundKey): Promise<InboundRecord | undefined>;
  /** Messages received but not finished (a crash came first), oldest first. */
  pendingInbound(limit: number): Promise<InboundRecord[]>;
  /**
   * Finishes a message: marks it answered with its replies, and writes its
   * conversation, ticket and deliveries in the same transaction. False (and
   * nothing written) when `ticketChange` declined.
   */
  finishMessage(outcome: MessageOutcome): Promise<boolean>;
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
  updateTicket(
    id: string,
    change: (current: Ticket) => TicketChange | undefined,
  ): Promise<{ changed: boolean; ticket?: Ticket }>;
  /** Claims a ticket for a staff member if nobody owns it; returns the ticket after the attempt. */
  claimTicket(
    id: string,
    owner: string,
    at: number,
    events: readonly OutboxEvent[],
  ): Promise<{ claimed: boolean; ticket?: Ticket }>;
  enqueue(kind: OutboxKind, ticketId: string, payload: unknown, at: number): Promise<void>;
  /** Enqueues unless an event with the same key was ever enqueued; true when it was added. */
  enqueueOnce(kind: OutboxKind, ticketId: string, payload: unknown, at: number, key: string): Promise<boolean>;
  /**
   * Outbox items due now, oldest first. Events of one ticket form two ordered
   * streams (to the staff desk, to the worker): an item waiting behind an
   * earlier undelivered one of its stream is not returned. Destinations
   * being drained already can be left out, so one stuck destination does not
   * fill the batch.
   */
  dueOutbox(now: number, limit: number, excludeDestinations?: readonly string[]): Promise<OutboxItem[]>;
  markDelivered(id: number, at: number): Promise<void>;
  /** Counts an attempt and schedules the retry. */
  markFailed(id: number, retryAt: number): Promise<void>;
  /** Records that a send is starting: a later attempt knows an earlier one may have reached the destination. */
  beginAttempt(id: number, at: number): Promise<void>;
  /** Gives up on an item (dead letter): it is no longer delivered and no longer holds back its stream. */
  markDead(id: number, at: number, error: string): Promise<void>;
  /** Undelivered events per destination, and the age of the oldest open urgent ticket (for /metrics). */
  outboxStats(now: number): Promise<OutboxStats>;
  /** Ids of open urgent tickets created before `before` that have never had a reminder. */
  unclaimedUrgentWithoutReminder(before: number): Promise<string[]>;
  /** Records where a ticket was posted in Slack. */
  setSlackRef(ticketId: string, ref: { channel: string; ts: string }): Promise<void>;
  /** Keeps a message for a worker on a channel that cannot push (HTTP), until acknowledged. */
  pushInbox(conversationId: string, text: string, at: number): Promise<void>;
  /** The waiting messages, oldest first. Reading removes nothing: the client acknowledges what it showed. */
  readInbox(conversationId: string): Promise<InboxMessage[]>;
  /** Removes the messages up to and including `upToId`; returns how many. */
  ackInbox(conversationId: string, upToId: number): Promise<number>;
  /** Forgets processed message ids and delivered outbox events older than `before`; returns rows removed. */
  prune(before: number): Promise<number>;
  /**
   * Retention: deletes ordinary conversations (state `bot`) last active
   * before `conversationsBefore`, resolved tickets (with their events) and
   * HTTP inbox messages older than `closedTicketsBefore`, and finished message
   * ids and delivered events older than `processedBefore`.
   */
  purge(cutoffs: PurgeCutoffs): Promise<PurgeCounts>;
  /**
   * Erases everything kept about one conversation: its record, tickets (open
   * ones too), their pending events, journaled messages and inbox. `keep`
   * spares the journal entry of the erase request itself (so a redelivery of
   * it is not taken as a new message).
   */
  eraseConversation(
    channel: ChannelName,
    conversationId: string,
    keep?: { userId: string; messageId: string },
  ): Promise<EraseCounts>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Which ordered delivery stream an outbox kind belongs to. */
export function outboxStream(kind: OutboxKind): 'desk' | 'worker' {
  return kind === 'worker.send' || kind === 'reply.send' ? 'worker' : 'desk';
}
