import { calcExactRate } from './calc-exact.js';
import type { ScoredCase } from './types.js';
import { answerShape, type AnswerShape } from './answer-shape.js';

/** Aggregate metrics over a group of cases. Rates are in [0, 1]; null when the group has no eligible case. */
export interface Summary extends AnswerShape {
  cases: number;
  retrievalCases: number;
  recallAt1: number | null;
  recallAt5: number | null;
  mrrAt10: number | null;
  citationValidity: number | null;
  citationPrecision: number | null;
  /** Share of cases with gold articles whose answer cites at least one of them. */
  citationHit: number | null;
  mustContainPass: number | null;
  mustNotContainPass: number | null;
  urgentRecall: number | null;
  urgentPrecision: number | null;
  personRecall: number | null;
  personPrecision: number | null;
  /** Expected `none` and not escalated (1 - over-escalation rate). */
  noneRecall: number | null;
  nonePrecision: number | null;
  escalationAccuracy: number | null;
  refusalCorrect: number | null;
  languageMatch: number | null;
  /** Share of answered cases whose answer came from the LLM (1 - fallback rate when an endpoint is configured). */
  llmShare: number | null;
  /** Share of answered cases that fell back to the extractive answer; only when an LLM endpoint was expected. */
  fallbackRate: number | null;
  /** Behaviour shares over all cases (the only measure for cases without countable gold). */
  answeredRate: number | null;
  escalatedRate: number | null;
  refusedRate: number | null;
  errorRate: number | null;
  latencyP50: number | null;
  latencyP95: number | null;
  /** Calculator cases whose computed figure equals the hand-computed one (eval/metrics/calc-exact.ts). */
  calcExact: number | null;
}

function rate(hits: number, total: number): number | null {
  return total === 0 ? null : hits / total;
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** An LLM endpoint was configured, so every answered case should have come from it. */
  readonly llmExpected?: boolean;
}

/** Precision and recall of one escalation level over the cases that state an expectation. */
function levelScores(
  cases: readonly ScoredCase[],
  level: 'urgent' | 'person' | 'none',
): { recall: number | null; precision: number | null } {
  const expected = cases.filter((c) => c.case.expect_escalate === level);
  const predicted = cases.filter((c) => c.result.escalate === level);
  return {
    recall: rate(expected.filter((c) => c.result.escalate === level).length, expected.length),
    precision: rate(predicted.filter((c) => c.case.expect_escalate === level).length, predicted.length),
  };
}

/** Aggregates scored cases into rates and latency percentiles. */
export function summarize(cases: readonly ScoredCase[], options: SummarizeOptions = {}): Summary {
  const retrieval = cases.filter((c) => c.goldIds.length > 0);
  const cited = cases.filter((c) => c.citedIds.length > 0);
  const citedWithGold = cited.filter((c) => c.goldIds.length > 0);
  const withFacts = cases.filter((c) => c.case.must_contain.length > 0);
  const withForbidden = cases.filter((c) => c.case.must_not_contain.length > 0);
  const escalationCases = cases.filter((c) => c.case.expect_escalate !== undefined);
  const urgent = levelScores(escalationCases, 'urgent');
  const person = levelScores(escalationCases, 'person');
  const none = levelScores(escalationCases, 'none');
  const refusalCases = cases.filter((c) => c.case.expect_refusal || c.goldIds.length > 0);
  const answered = cases.filter((c) => c.result.mode === 'extractive' || c.result.mode === 'llm');
  const latencies = cases.flatMap((c) => (c.result.latency_ms === undefined ? [] : [c.result.latency_ms]));
  return {
    cases: cases.length,
    retrievalCases: retrieval.length,
    recallAt1: rate(retrieval.filter((c) => c.goldRank === 1).length, retrieval.length),
    recallAt5: rate(retrieval.filter((c) => c.goldRank !== null && c.goldRank <= 5).length, retrieval.length),
    mrrAt10:
      retrieval.length === 0
        ? null
        : retrieval.reduce((s, c) => s + (c.goldRank ? 1 / c.goldRank : 0), 0) / retrieval.length,
    citationValidity: rate(cited.filter((c) => c.invalidCitations.length === 0).length, cited.length),
    citationHit: rate(
      retrieval.filter((c) => c.citedIds.some((id) => c.goldIds.includes(id))).length,
      retrieval.length,
    ),
    citationPrecision:
      citedWithGold.length === 0
        ? null
        : citedWithGold.reduce(
            (s, c) => s + c.citedIds.filter((id) => c.goldIds.includes(id)).length / c.citedIds.length,
            0,
          ) / citedWithGold.length,
    mustContainPass: rate(
      withFacts.filter((c) => c.case.must_contain.every((f) => (c.result.answer ?? '').includes(f))).length,
      withFacts.length,
    ),
    mustNotContainPass: rate(
      withForbidden.filter((c) => c.case.must_not_contain.every((f) => !(c.result.answer ?? '').includes(f))).length,
      withForbidden.length,
    ),
    urgentRecall: urgent.recall,
    urgentPrecision: urgent.precision,
    personRecall: person.recall,
    personPrecision: person.precision,
    noneRecall: none.recall,
    nonePrecision: none.precision,
    escalationAccuracy: rate(
      escalationCases.filter((c) => c.result.escalate === c.case.expect_escalate).length,
      escalationCases.length,
    ),
    refusalCorrect: rate(
      refusalCases.filter((c) => (c.result.mode === 'refusal') === c.case.expect_refusal).length,
      refusalCases.length,
    ),
    languageMatch: rate(cases.filter((c) => c.languageMatch).length, cases.length),
    llmShare: rate(answered.filter((c) => c.result.mode === 'llm').length, answered.length),
    fallbackRate: options.llmExpected
      ? rate(answered.filter((c) => c.result.mode === 'extractive').length, answered.length)
      : null,
    answeredRate: rate(answered.length, cases.length),
    escalatedRate: rate(
      cases.filter((c) => c.result.escalate === 'urgent' || c.result.escalate === 'person').length,
      cases.length,
    ),
    refusedRate: rate(cases.filter((c) => c.result.mode === 'refusal').length, cases.length),
    errorRate: rate(cases.filter((c) => c.result.error !== undefined).length, cases.length),
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    calcExact: calcExactRate(cases),
    ...answerShape(cases),
  };
}
