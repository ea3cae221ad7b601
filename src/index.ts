/**
 * Library entry point: the channel-free answer pipeline for adapters and
 * other apps. `createBot()` assembles it from `knowledge/` and the environment.
 */
export { createBot, type Bot, type CreateBotOptions } from './create-bot.js';
export { createAnswerEngine, type AnswerEngineDeps } from './answer/index.js';
export { detectLang, toSimplified, toTraditional, foldVietnamese } from './language/index.js';
export type * from './core/types.js';
