import type { BotAnswer, Lang } from '../core/types.js';
import type { ChannelName, Ticket } from './types.js';

/** One message the bot answered itself (or handed off), as the staff console's dashboard counts it. */
export interface AnsweredEvent {
  readonly at: number;
  readonly channel: ChannelName;
  readonly conversationId: string;
  /** The worker's text; an observer keeps it only masked (src/privacy/mask-pii.ts), if at all. */
  readonly question: string;
  readonly answer: BotAnswer;
  /** True when the bot asked "did this help? 1 / 2" after this answer. */
  readonly feedbackAsked: boolean;
}

/** A change of a ticket, from either staff desk (Slack or the console) or from the worker. */
export interface TicketEvent {
  readonly at: number;
  readonly action: 'opened' | 'claimed' | 'replied' | 'resolved' | 'worker_message';
  readonly ticket: Ticket;
  readonly staff?: string;
}

/**
 * Optional observer the conversation core reports to (the staff console's
 * event log). The core never fails a worker's message because an observer
 * failed: errors are caught and logged.
 */
export interface ConversationObserver {
  answered(event: AnsweredEvent): Promise<void>;
  ticketChanged(event: TicketEvent): Promise<void>;
  /**
   * A bare "1" / "2" from the worker: records it as feedback on the
   * conversation's last answer if that answer asked for feedback and has none
   * yet. False when there is nothing to rate (the message is then answered as usual).
   */
  feedback(channel: ChannelName, conversationId: string, helpful: boolean, at: number): Promise<boolean>;
}

/** Wording of the feedback question and the thanks, per language (knowledge/conversation/feedback.json). */
export interface FeedbackTexts {
  ask(lang: Lang): string;
  thanks(lang: Lang, helpful: boolean): string;
}

/** "1" / "2" (ASCII or full-width) alone in a message: feedback, not a question. */
export function parseFeedbackReply(text: string): boolean | undefined {
  const t = text.trim().normalize('NFKC');
  return t === '1' ? true : t === '2' ? false : undefined;
}

/** Answers worth rating: the bot answered from the law itself, no hand-off. */
export function asksForFeedback(answer: BotAnswer): boolean {
  return (
    (answer.mode === 'extractive' || answer.mode === 'llm') && answer.escalate === 'none' && answer.citations.length > 0
  );
}
