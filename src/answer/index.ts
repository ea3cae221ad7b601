export { createAnswerEngine, type AnswerEngineDeps, type TriageFn, type RewriteFn } from './answer-engine.js';
export { loadReplyBook, textsFor, fill, type ReplyBook, type ReplyTexts } from './reply-texts.js';
export { loadScopeRules, classifyScope, type ScopeRules } from './scope-guard.js';
export type { Hotlines, HotlineBook } from './hotlines.js';
export { citationLabel } from '../citations/citation-label.js';
export {
  answerPolicySchema,
  DEFAULT_ANSWER_POLICY,
  cardOptionsOf,
  retrievalConfidenceOf,
  type AnswerPolicy,
} from './answer-policy.js';
