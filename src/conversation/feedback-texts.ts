import { loadFeedback, type ConversationKnowledge } from '../knowledge/load-conversation.js';
import type { FeedbackTexts } from './conversation-observer.js';

/** Loads `knowledge/conversation/feedback.json`: the "did this help?" question and the thanks. */
export function loadFeedbackTexts(knowledgeDir: string): FeedbackTexts {
  return createFeedbackTexts(loadFeedback(knowledgeDir));
}

/** Feedback wording from loaded knowledge (knowledge.conversation.feedback). */
export function createFeedbackTexts(texts: ConversationKnowledge['feedback']): FeedbackTexts {
  return {
    ask: (lang) => texts[lang].ask,
    thanks: (lang, helpful) => (helpful ? texts[lang].thanks_helpful : texts[lang].thanks_not_helpful),
  };
}
