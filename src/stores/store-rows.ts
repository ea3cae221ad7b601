import { z } from 'zod';
import type { ChannelName } from '../conversation/types.js';
import type { FieldCipher } from '../privacy/field-cipher.js';
import type { AnswerRecord, AuditEntry, StaffAccount, StaffNote, TicketEventRecord } from './console-store.js';
import type { ConversationRecord, InboundRecord } from '../conversation/ticket-store.js';

/** An epoch-ms (or bigint id) column: a number from SQLite, a string from PostgreSQL (bigint). */
type EpochMs = number | string;

/** A `conversations` row, as both ticket stores read it. */
export interface ConversationRow {
  channel: ChannelName;
  conversation_id: string;
  state: ConversationRecord['state'];
  lang: ConversationRecord['lang'] | null;
  history: string;
  ticket_id: string | null;
  last_notice_at: EpochMs | null;
  updated_at: EpochMs;
}

/** An `inbound_messages` row, as both ticket stores read it. */
export interface InboundRow {
  channel: ChannelName;
  user_id: string;
  message_id: string;
  conversation_id: string;
  kind: string;
  text: string;
  urgency: InboundRecord['urgency'];
  status: InboundRecord['status'];
  replies: string | null;
  ticket_id: string | null;
  received_at: EpochMs;
}

export const inboundFromRow = (r: InboundRow, cipher: FieldCipher): InboundRecord => ({
  channel: r.channel,
  userId: r.user_id,
  messageId: r.message_id,
  conversationId: r.conversation_id,
  kind: r.kind,
  text: cipher.decrypt(r.text),
  urgency: r.urgency,
  status: r.status,
  ...(r.replies !== null ? { replies: cipher.decrypt(r.replies) } : {}),
  ...(r.ticket_id !== null ? { ticketId: r.ticket_id } : {}),
  receivedAt: Number(r.received_at),
});

/**
 * The record of a conversation row; `history` is the decrypted, parsed history column (each store parses its
 * own way).
 */
export const conversationFromRow = (
  row: ConversationRow,
  history: ConversationRecord['history'],
): ConversationRecord => ({
  channel: row.channel,
  conversationId: row.conversation_id,
  state: row.state,
  ...(row.lang ? { lang: row.lang } : {}),
  history,
  ...(row.ticket_id ? { ticketId: row.ticket_id } : {}),
  ...(row.last_notice_at !== null ? { lastNoticeAt: Number(row.last_notice_at) } : {}),
  updatedAt: Number(row.updated_at),
});

// --- console stores ---

/** A boolean column: BOOLEAN in PostgreSQL, 0/1 INTEGER in SQLite. */
type Flag = boolean | number;
const isSet = (v: Flag): boolean => (typeof v === 'number' ? v !== 0 : v);

/** A `console_users` row (also the user half of a session join); ids and times are bigint strings in PostgreSQL. */
const staffUserRow = z.object({
  id: z.coerce.number(),
  name: z.string(),
  password_hash: z.string(),
  role: z.enum(['staff', 'lead']),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi', 'en']),
  disabled: z.union([z.boolean(), z.number()]),
  created_at: z.coerce.number(),
});

export const accountFromRow = (row: unknown): StaffAccount => {
  const r = staffUserRow.parse(row);
  return {
    id: r.id,
    name: r.name,
    passwordHash: r.password_hash,
    role: r.role,
    lang: r.lang,
    disabled: isSet(r.disabled),
    createdAt: r.created_at,
  };
};

/** The `citations` column of `console_answers`. */
export const citationsSchema = z.array(z.object({ passageId: z.string(), label: z.string() }));

/** A `console_answers` row; `citations` is JSON text in SQLite, parsed JSONB in PostgreSQL. */
export interface AnswerRow {
  at: EpochMs;
  channel: AnswerRecord['channel'];
  conversation_id: string;
  lang: AnswerRecord['lang'];
  mode: string;
  escalate: string;
  topic: string;
  citations: unknown;
  masked_question: string | null;
  feedback_asked: Flag;
  feedback: Flag | null;
}

/** The dashboard's record of an answer row; `citations` is the parsed column (each store parses its own way). */
export const answerFromRow = (r: AnswerRow, citations: unknown): AnswerRecord & { feedback?: boolean } => ({
  at: Number(r.at),
  channel: r.channel,
  conversationId: r.conversation_id,
  lang: r.lang,
  mode: r.mode,
  escalate: r.escalate,
  topic: r.topic,
  citations: citationsSchema.parse(citations),
  ...(r.masked_question !== null ? { maskedQuestion: r.masked_question } : {}),
  feedbackAsked: isSet(r.feedback_asked),
  ...(r.feedback !== null ? { feedback: isSet(r.feedback) } : {}),
});

export interface AuditRow {
  id: EpochMs;
  at: EpochMs;
  user_name: string;
  action: string;
  ticket_id: string | null;
  detail: string | null;
}

export const auditFromRow = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: Number(r.at),
  user: r.user_name,
  action: r.action,
  ...(r.ticket_id ? { ticketId: r.ticket_id } : {}),
  ...(r.detail ? { detail: r.detail } : {}),
});

export interface NoteRow {
  id: EpochMs;
  ticket_id: string;
  at: EpochMs;
  author: string;
  text: string;
}

export const noteFromRow = (r: NoteRow): StaffNote => ({
  id: Number(r.id),
  ticketId: r.ticket_id,
  at: Number(r.at),
  author: r.author,
  text: r.text,
});

export interface TicketEventRow {
  at: EpochMs;
  ticket_id: string;
  action: TicketEventRecord['action'];
  category: string;
  lang: TicketEventRecord['lang'];
  channel: TicketEventRecord['channel'];
  staff: string | null;
}

export const ticketEventFromRow = (r: TicketEventRow): TicketEventRecord => ({
  at: Number(r.at),
  ticketId: r.ticket_id,
  action: r.action,
  category: r.category,
  lang: r.lang,
  channel: r.channel,
  ...(r.staff ? { staff: r.staff } : {}),
});
