import type { KnowledgeBase } from './core/types.js';
import type { Drafter } from './drafting/types.js';
import type { RewriteFn } from './answer/answer-engine.js';
import { rewriteFollowUpOffline } from './answer/rewrite-followup-offline.js';
import type { Embedder } from './retrieval/embedders/types.js';
import type { Logger } from './shared/logger.js';

/** The optional network features: LLM drafting, remote embeddings, follow-up rewriting. */
export interface LlmFeatures {
  readonly drafter?: Drafter;
  readonly embedder?: Embedder;
  readonly rewrite: RewriteFn;
}

/**
 * Wires the OpenAI-compatible features when configured. On the embedded
 * default (nothing configured) answers are extractive, vectors are fitted
 * from the corpus and follow-ups are rewritten offline.
 */
export function createLlmFeatures(deps: { env: Record<string, string | undefined>; kb: KnowledgeBase; logger: Logger }): LlmFeatures {
  void deps;
  return { rewrite: async ({ question, lang, history }) => rewriteFollowUpOffline(question, lang, history) };
}
