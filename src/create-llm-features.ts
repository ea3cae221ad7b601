import type { KnowledgeBase } from './core/types.js';
import type { RewriteFn } from './answer/answer-engine.js';
import { rewriteFollowUpOffline } from './drafting/rewrite-followup-offline.js';
import { createArticleLookup } from './citations/verify-citations.js';
import { createReferenceFinder } from './citations/parse-references.js';
import type { LlmConfig } from './config/llm-config.js';
import { DraftCounters } from './drafting/draft-metrics.js';
import { createLlmDrafter } from './drafting/llm-drafter.js';
import { loadPromptBook } from './drafting/load-prompt.js';
import { createLlmRewriter } from './drafting/rewrite-followup.js';
import type { Drafter } from './drafting/types.js';
import { CircuitBreaker } from './providers/openai/circuit-breaker.js';
import type { Embedder } from './retrieval/embedders/types.js';
import type { Logger } from './shared/logger.js';

/** The optional network features: LLM drafting, remote embeddings, follow-up rewriting. */
export interface LlmFeatures {
  readonly drafter?: Drafter;
  readonly embedder?: Embedder;
  readonly rewrite: RewriteFn;
  readonly counters?: DraftCounters;
}

/**
 * Wires the OpenAI-compatible features when configured. On the embedded
 * default (nothing configured) answers are extractive, vectors are fitted
 * from the corpus and follow-ups are rewritten offline.
 */
export async function createLlmFeatures(deps: {
  /** The `llm` part of the Config (loadConfig). */
  config: LlmConfig;
  kb: KnowledgeBase;
  logger: Logger;
  /** PROMPTS_DIR of the Config. */
  promptsDir: string;
}): Promise<LlmFeatures> {
  const { config } = deps;
  const offline: RewriteFn = async ({ question, lang, history }) => rewriteFollowUpOffline(question, lang, history);
  // The OpenAI SDK (about 150 modules, 0.35 s CPU) is loaded only when an endpoint is configured.
  const embedder = config.embedding
    ? await (await import('./retrieval/embedders/openai-embedder.js')).createOpenAiEmbedder(config.embedding)
    : undefined;
  if (!config.llm) return { rewrite: offline, ...(embedder ? { embedder } : {}) };
  const { createChatClient } = await import('./providers/openai/chat-client.js');
  const breaker = new CircuitBreaker(config.circuitFailures, config.circuitCooldownMs);
  const chat = createChatClient({ endpoint: config.llm, maxRetries: config.maxRetries, breaker });
  const prompts = loadPromptBook(deps.promptsDir);
  const counters = new DraftCounters();
  const drafter = createLlmDrafter({
    chat,
    prompts,
    verify: { findReferences: createReferenceFinder(deps.kb.documents), lookup: createArticleLookup(deps.kb.passages) },
    deadlineMs: config.deadlineMs,
    counters,
    logger: deps.logger,
  });
  deps.logger.info({ model: config.llm.model, embedder: embedder?.name ?? 'lsa (offline)' }, 'LLM drafting enabled');
  // Rewriting gets a slice of the deadline so the draft keeps most of it.
  const rewriter = createLlmRewriter(chat, prompts, Math.round(config.deadlineMs / 4));
  return { drafter, rewrite: (r) => rewriter(r), counters, ...(embedder ? { embedder } : {}) };
}
