import type { BotAnswer } from '../core/types.js';
import type { ConversationObserver } from '../conversation/conversation-observer.js';
import { maskPii } from '../privacy/mask-pii.js';
import type { ConsoleStore } from '../stores/console-store.js';
import type { LiveHub } from './live-hub.js';

/**
 * What an answer was about, for "top topics": the first cited document, else
 * the first hand-off reason, else the answer mode.
 */
export function answerTopic(answer: BotAnswer): string {
  return answer.citations[0]?.law ?? answer.reasons[0] ?? answer.mode;
}

/** Longest masked "no source" question kept for reviewers. */
const QUESTION_CHARS = 300;

/**
 * Records what the conversation core reports into the console's event log
 * and tells open console pages that the queue changed. Keeps no message
 * text except questions that found no source, masked.
 */
export function createConsoleObserver(store: ConsoleStore, hub?: LiveHub): ConversationObserver {
  return {
    async answered(e) {
      const { answer } = e;
      const noSource = answer.mode === 'no_source' || answer.reasons.includes('no_source');
      await store.recordAnswer({
        at: e.at,
        channel: e.channel,
        conversationId: e.conversationId,
        lang: answer.language,
        mode: answer.mode,
        escalate: answer.escalate,
        topic: answerTopic(answer),
        citations: answer.citations.map((c) => ({ passageId: c.passageId, label: c.label })),
        ...(noSource ? { maskedQuestion: maskPii(e.question).slice(0, QUESTION_CHARS) } : {}),
        feedbackAsked: e.feedbackAsked,
      });
    },
    async ticketChanged(e) {
      const t = e.ticket;
      await store.recordTicketEvent({
        at: e.at,
        ticketId: t.id,
        action: e.action,
        category: t.category,
        lang: t.language,
        channel: t.channel,
        ...(e.staff ? { staff: e.staff } : {}),
      });
      hub?.publish({ ticketId: t.id });
    },
    feedback(channel, conversationId, helpful, at) {
      return store.recordFeedback(channel, conversationId, helpful, at);
    },
  };
}
