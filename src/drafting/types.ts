import type { HistoryTurn, Jurisdiction, Lang, ScoredPassage } from '../core/types.js';

/** What the drafter is given: the question and the retrieved, numbered passages. */
export interface DraftInput {
  readonly question: string;
  readonly lang: Lang;
  readonly jurisdiction: Jurisdiction;
  /** Passages in the order they are numbered [1], [2], ... in the prompt. */
  readonly passages: readonly ScoredPassage[];
  readonly history: readonly HistoryTurn[];
  /** Hotline numbers the answer may mention, e.g. "12351". */
  readonly hotlines: readonly string[];
}

/** A verified draft, or why there is none (the pipeline then answers extractively). */
export type DraftOutcome =
  | {
      readonly ok: true;
      readonly text: string;
      readonly citedPassageIds: string[];
      readonly confidence: number;
      readonly needsPerson: boolean;
      readonly needsPersonReason?: string;
      readonly clarifyingQuestion?: string;
    }
  | {
      readonly ok: false;
      readonly reason: 'disabled' | 'circuit_open' | 'timeout' | 'http_error' | 'malformed' | 'verification_failed';
      readonly detail?: string;
    };

/** Drafts an answer with an LLM. `draft` never throws and resolves within its deadline. */
export interface Drafter {
  readonly name: string;
  draft(input: DraftInput): Promise<DraftOutcome>;
}
