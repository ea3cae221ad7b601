import type { GroupSummary } from '../lib/group-cases.js';

/** One case as the JSON report keeps it: enough to read the failure without re-running. */
export interface CaseRecord {
  readonly id: string;
  readonly dataset: string;
  readonly lang: string;
  readonly topic: string;
  readonly category?: string | undefined;
  readonly question: string;
  readonly answer?: string | undefined;
  readonly citations: readonly { law: string; article?: number | undefined; label?: string | undefined }[];
  /** First five retrieval hits as `docId#article`. */
  readonly retrievedTop5: readonly string[];
  readonly goldIds: readonly string[];
  /** 1-based rank of the first gold passage in the top 10, or null. */
  readonly goldRank: number | null;
  readonly expectEscalate?: string | undefined;
  readonly escalate?: string | undefined;
  readonly reasons: readonly string[];
  readonly mode?: string | undefined;
  readonly latencyMs?: number | undefined;
  readonly failedChecks: readonly string[];
}

/** Faithfulness judge totals (only when an LLM endpoint is configured). */
export interface JudgeSummary {
  readonly judged: number;
  readonly claims: number;
  readonly unsupported: number;
  readonly unsupportedClaimRate: number | null;
}

/** The JSON report (`eval/reports/<timestamp>.json`). */
export interface EvalReport {
  readonly createdAt: string;
  readonly durationMs: number;
  /** An LLM endpoint was configured for this run (fallback rate is measured). */
  readonly llmExpected: boolean;
  readonly byLanguage: readonly GroupSummary[];
  readonly byTopic: readonly GroupSummary[];
  readonly byCategory: readonly GroupSummary[];
  readonly noGold: readonly GroupSummary[];
  readonly judge?: JudgeSummary | undefined;
  readonly cases: readonly CaseRecord[];
}
