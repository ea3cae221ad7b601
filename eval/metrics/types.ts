import type { EvalCase } from '../lib/case-schema.js';

/** One bot result as the batch CLI prints it (the fields the eval reads). */
export interface BotResult {
  id: string;
  language?: string;
  jurisdiction?: string;
  answer?: string;
  citations?: { law: string; article?: number; label?: string; excerpt?: string }[];
  escalate?: 'urgent' | 'person' | 'none';
  reasons?: string[];
  mode?: string;
  latency_ms?: number;
  retrieved?: { passageId: string; law: string; article?: number; score?: number }[];
  error?: string;
  /** Deterministic calculation (src/calculators), when the bot made one. */
  calculation?: { kind: string; result: number | string; unit?: string };
  /** The answer card the reply came from (src/cards). */
  card?: { id: string; confidence: number };
}

/** Everything the metrics need about one case, resolved against the knowledge base. */
export interface ScoredCase {
  readonly dataset: string;
  readonly case: EvalCase;
  readonly result: BotResult;
  /** Passage ids of the gold articles that are in the knowledge base and current; empty = no retrieval target. */
  readonly goldIds: readonly string[];
  /** 1-based rank of the first gold passage in the retrieval list, or null when none is in the top 10. */
  readonly goldRank: number | null;
  /** Cited passage ids that do not exist or are not in force. */
  readonly invalidCitations: readonly string[];
  /** Cited passage ids. */
  readonly citedIds: readonly string[];
  readonly languageMatch: boolean;
  readonly failedChecks: readonly string[];
}
