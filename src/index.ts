/**
 * Library entry point: the channel-free answer pipeline for adapters and
 * other apps. `createBot()` assembles it from `knowledge/` and a `Config`
 * (`loadConfig(process.env)` when none is given).
 */
export { createBot, type Bot, type CreateBotOptions } from './create-bot.js';
export { createAnswerEngine, type AnswerEngineDeps } from './answer/index.js';
export { answerPolicySchema, DEFAULT_ANSWER_POLICY, type AnswerPolicy } from './answer/answer-policy.js';
export { loadConfig, type Config } from './config/load-config.js';
export { ConfigError } from './config/config-error.js';
export { detectLang, toSimplified, toTraditional, foldVietnamese } from './language/index.js';
export {
  LangchainLawRetriever,
  type LangchainLawRetrieverInput,
  type LawDocumentMetadata,
} from './retrieval/langchain-retriever.js';
export type * from './core/types.js';
