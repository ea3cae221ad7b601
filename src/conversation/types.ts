import type { BotAnswer, Citation, Lang } from '../core/types.js';

/**
 * Channel-free conversation contracts. Channel adapters (WeChat, HTTP, Slack)
 * translate platform events to and from these types; the conversation core
 * never sees a platform object.
 */

/** Where a worker's message came from. */
/** Every worker channel; stores and payload checks read this list, so a new channel is added here once. */
export const CHANNEL_NAMES = ['wechat', 'http', 'cli', 'wechat_oa', 'wecom_kf', 'zalo'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** A worker's message, as an adapter hands it to the core. */
export interface InboundMessage {
  readonly channel: ChannelName;
  /** Conversation id on that channel (WeChat contact or room id, HTTP user id). */
  readonly conversationId: string;
  /** Sender id on that channel. */
  readonly userId: string;
  /** Platform message id: the same id delivered twice is answered once. */
  readonly messageId: string;
  /** `text` for text messages; other kinds get a short "please write text" reply. */
  readonly kind: 'text' | 'voice' | 'image' | 'file' | 'sticker' | 'video' | 'other';
  readonly text: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
}

/** One message the adapter must send back to the worker. */
export interface OutboundReply {
  readonly text: string;
  /** The structured answer behind the text, when there is one. */
  readonly answer?: BotAnswer;
}

/** Per-conversation hand-off state, after WeCom customer-service states. */
export type ConversationState = 'bot' | 'queued' | 'owned' | 'closed';

export type TicketStatus = 'open' | 'claimed' | 'resolved';

export interface TranscriptEntry {
  readonly role: 'worker' | 'bot' | 'staff';
  /** Raw text; never logged at info level. */
  readonly text: string;
  readonly at: number;
}

/** A case handed to union staff. */
export interface Ticket {
  readonly id: string;
  readonly channel: ChannelName;
  readonly conversationId: string;
  readonly language: Lang;
  readonly category: 'urgent' | 'person';
  readonly reasons: readonly string[];
  /** One paragraph, personal numbers masked. */
  readonly summary: string;
  readonly transcript: readonly TranscriptEntry[];
  readonly citations: readonly Citation[];
  readonly status: TicketStatus;
  /** Slack user id of the staff member who claimed it. */
  readonly owner?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Slack message coordinates once posted (channel + ts), for updates and threads. */
  readonly slack?: { readonly channel: string; readonly ts: string };
}

/**
 * Outbox event kinds. Every delivery to Slack or back to a worker goes through
 * the outbox so a crash between "write" and "send" loses nothing.
 */
export type OutboxKind =
  | 'ticket.post' // post a new ticket to the staff channel
  | 'ticket.update' // refresh the ticket's Slack message (claimed / resolved)
  | 'ticket.thread' // a worker's later message, into the ticket's thread
  | 'ticket.remind' // urgent ticket unclaimed for too long
  | 'worker.send' // a staff reply or status notice, to the worker's channel
  // the bot's answer to a message finished after a restart (no ticket; `ticketId` holds the conversation's
  // stream key)
  | 'reply.send';

export interface OutboxItem {
  readonly id: number;
  readonly kind: OutboxKind;
  readonly ticketId: string;
  /** JSON payload specific to the kind. */
  readonly payload: string;
  readonly attempts: number;
  readonly createdAt: number;
  /** `slack` for desk events, else the worker's channel. */
  readonly destination?: string;
  /** Set when an earlier attempt started sending (it may have arrived even if it then failed or the process died). */
  readonly startedAt?: number;
}

/** What an outbox delivery is about, for senders that act on ticket changes (WeCom service state, staff notes). */
export interface WorkerSendContext {
  readonly ticket: Ticket;
  /** The notice being sent (`staff_joined` on claim, `resolved` on resolve); absent for a staff reply. */
  readonly notice?: string;
}

/** Sends text to a worker on a channel (implemented by each channel adapter). */
export interface WorkerSender {
  readonly channel: ChannelName;
  send(conversationId: string, text: string, context?: WorkerSendContext): Promise<void>;
}

/** Posts and updates tickets on the staff desk (implemented by the Slack adapter). */
export interface StaffDesk {
  postTicket(ticket: Ticket): Promise<{ channel: string; ts: string }>;
  /** Finds a ticket message an earlier attempt may have posted (before re-posting after a crash or timeout). */
  findPostedTicket?(ticket: Ticket): Promise<{ channel: string; ts: string } | undefined>;
  updateTicket(ticket: Ticket): Promise<void>;
  postToThread(ticket: Ticket, text: string, role: 'worker' | 'bot'): Promise<void>;
  remind(ticket: Ticket, minutesUnclaimed: number): Promise<void>;
}
