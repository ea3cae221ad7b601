import { z } from 'zod';
import type { Lang, Triage } from '../core/types.js';
import type { InboundKey } from './ticket-store.js';
import type { ChannelName, InboundMessage, OutboundReply } from './types.js';

/**
 * Helpers for the core's inbound journal: every message is recorded (with its
 * triage) before the answer engine runs, and finished with its replies in one
 * transaction, so a redelivery gets the original replies and a restart
 * finishes what a crash interrupted.
 */

/** What became of one message. */
export interface HandleResult {
  /**
   * `answered`: handled now. `repeat`: seen before, these are the original
   * replies. `rate_limited`: not handled; send it again (same id) after
   * `retryAfterMs`.
   */
  readonly status: 'answered' | 'repeat' | 'rate_limited';
  readonly replies: OutboundReply[];
  readonly retryAfterMs?: number;
  /** The ticket opened or fed by this message. */
  readonly ticketId?: string;
}

/** `live`: a caller waits for the replies. `recover`: finished after a restart, nobody waits. */
export type Mode = 'live' | 'recover';

/** Points of the message flow reported to `onStep` (tracing, and the crash tests that kill the process there). */
export type CoreStep = 'recorded' | 'engine-answered' | 'finished';

/** Triage on arrival, before the answer engine (and its LLM) runs. */
export type ArrivalTriage = (text: string, lang: Lang, recentWorkerTurns: readonly string[]) => Triage;

export const keyOf = (m: Pick<InboundMessage, 'channel' | 'userId' | 'messageId'>): InboundKey => ({
  channel: m.channel,
  userId: m.userId,
  messageId: m.messageId,
});

export const keyString = (m: Pick<InboundMessage, 'channel' | 'userId' | 'messageId'>): string =>
  `${m.channel}\u0000${m.userId}\u0000${m.messageId}`;

/** Outbox stream of the bot's replies to one conversation. */
export const replyStream = (channel: ChannelName, conversationId: string): string =>
  `reply:${channel}:${conversationId}`;

const storedReplies = z.array(z.object({ text: z.string(), answer: z.unknown().optional() }));

/** Replies as stored: the text and the structured answer, if any. */
export const serializeReplies = (replies: readonly OutboundReply[]): string => JSON.stringify(replies);

export function parseReplies(json: string | undefined): OutboundReply[] {
  if (!json) return [];
  return storedReplies.parse(JSON.parse(json)) as OutboundReply[];
}

const KINDS = ['text', 'voice', 'image', 'file', 'sticker', 'video', 'other'] as const;
export const toKind = (kind: string): InboundMessage['kind'] =>
  (KINDS as readonly string[]).includes(kind) ? (kind as InboundMessage['kind']) : 'other';
