import type { TriageFn } from './answer/answer-engine.js';
import type { AnswerEngine, KnowledgeBase } from './core/types.js';
import type { AppConfig } from './config/app-config.js';
import { loadConfig, type Config } from './config/load-config.js';
import { cardOptionsOf, retrievalConfidenceOf, type AnswerPolicy } from './answer/answer-policy.js';
import { createAnswerEngine, type HotlineBook } from './answer/index.js';
import { hotlinesFrom } from './answer/load-hotlines.js';
import { loadKnowledge } from './ingest/load-knowledge.js';
import { loadKnowledgeDir, type Knowledge } from './knowledge/index.js';
import { createLexicalParts, loadOrBuildRetriever } from './retrieval/index.js';
import { createArticleTerms } from './retrieval/expansion/article-terms.js';
import { createLearnedExpander } from './retrieval/expansion/learned-expander.js';
import { compileTriageRules } from './escalation/load-triage-rules.js';
import { triageMessage } from './escalation/triage-message.js';
import { createUrgentReplyBook } from './escalation/load-urgent-replies.js';
import { createLogger, type Logger } from './shared/logger.js';
import { createLlmFeatures } from './create-llm-features.js';
import type { DraftStatsSource } from './shared/metrics.js';
import { createCalculatorHook } from './calculators/index.js';
import { buildCardStep, cardReadersFrom } from './cards/index.js';

/** Options for {@link createBot}. */
export interface CreateBotOptions {
  /** The settings (loadConfig, once per entry point). @default loadConfig(env) */
  readonly config?: Config;
  /** Environment to read settings from when no `config` is given. @default process.env */
  readonly env?: Record<string, string | undefined>;
  /** Called while the search index is built (first run, or after knowledge/ changed). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly logger?: Logger;
}

/** The assembled answer pipeline and what it was built from. */
export interface Bot {
  readonly engine: AnswerEngine;
  readonly kb: KnowledgeBase;
  readonly config: AppConfig;
  /** The thresholds in force (answer / hand off / refuse, card or statute, reply size). */
  readonly policy: AnswerPolicy;
  /** Every knowledge file, loaded and validated once (loadKnowledgeDir). */
  readonly knowledge: Knowledge;
  readonly logger: Logger;
  /** Hotline numbers per jurisdiction, from knowledge/contacts.json. */
  readonly hotlines: HotlineBook;
  /** The triage the answer engine uses, for the conversation core's triage on arrival (rules loaded once). */
  readonly triage: TriageFn;
  /** The LLM drafting counters for /metrics, when an LLM is configured. */
  readonly draftStats?: DraftStatsSource;
}

/**
 * Composition root of the answer pipeline: reads config, loads the knowledge
 * base, loads or builds the index, and wires triage, scope rules, replies and
 * (when configured) the LLM drafter and remote embedder. Channels build on it.
 */
export async function createBot(options: CreateBotOptions = {}): Promise<Bot> {
  const settings = options.config ?? loadConfig(options.env ?? process.env);
  const config = settings.app;
  const policy = settings.answerPolicy;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const knowledge = loadKnowledgeDir(config.KNOWLEDGE_DIR);
  const kb = await loadKnowledge(config.KNOWLEDGE_DIR, {
    manifests: knowledge,
    extraLawsDir: config.EXTRA_LAWS_DIR,
    onSkippedExtras: (skipped) =>
      logger.warn(
        `EXTRA_LAWS_DIR: ${skipped.length} document(s) skipped, a built-in statute has the same title: ` +
          skipped.map((s) => s.law).join(', '),
      ),
  });
  const llm = await createLlmFeatures({ config: settings.llm, promptsDir: config.PROMPTS_DIR, kb, logger });
  // One jieba dictionary load and expansion table for the retriever and the card matcher.
  const lexical = createLexicalParts(knowledge.dict, knowledge.expansions);
  const { translation, articleTerms } = knowledge.learned;
  const retriever = await loadOrBuildRetriever({
    kb,
    lexical,
    learned: createLearnedExpander(translation),
    articleTerms: createArticleTerms(articleTerms?.table, articleTerms?.hash),
    cacheDir: config.INDEX_CACHE_DIR,
    confidence: retrievalConfidenceOf(policy),
    ...(llm.embedder ? { embedder: llm.embedder } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const triageRules = compileTriageRules(knowledge.triage);
  const triage: TriageFn = (text, lang, recent) => triageMessage(triageRules, text, lang, recent);
  const hotlines = hotlinesFrom(knowledge.contacts);
  if (!hotlines.VN.union)
    logger.warn('No Vietnamese union hotline configured in knowledge/contacts.json: replies omit it.');
  const engine = createAnswerEngine({
    kb,
    retriever,
    triage,
    scope: knowledge.scope,
    replies: knowledge.replies,
    urgentReplies: createUrgentReplyBook(knowledge.triage.responses, knowledge.contacts),
    hotlines,
    policy,
    ...(llm.drafter ? { drafter: llm.drafter } : {}),
    rewrite: llm.rewrite,
    logger,
    calculator: createCalculatorHook(knowledge.calculators, kb.passages),
    cards: buildCardStep(
      kb,
      knowledge.cards,
      lexical,
      cardOptionsOf(policy),
      cardReadersFrom(knowledge.cards, knowledge.dict),
      policy.coverageCap,
    ),
  });
  const counters = llm.counters;
  return {
    engine,
    kb,
    config,
    policy,
    knowledge,
    logger,
    hotlines,
    triage,
    ...(counters ? { draftStats: () => counters.snapshot() } : {}),
  };
}
