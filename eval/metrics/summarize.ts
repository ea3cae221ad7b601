import type { ScoredCase } from './types.js';

/** Aggregate metrics over a group of cases. Rates are in [0, 1]; null when the group has no eligible case. */
export interface Summary {
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
  escalationAccuracy: number | null;
  refusalCorrect: number | null;
  languageMatch: number | null;
  /** Share of answered cases whose answer came from the LLM (1 - fallback rate when an endpoint is configured). */
  llmShare: number | null;
  latencyP50: number | null;
  latencyP95: number | null;
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

export function summarize(cases: readonly ScoredCase[]): Summary {
  const retrieval = cases.filter((c) => c.goldIds.length > 0);
  const cited = cases.filter((c) => c.citedIds.length > 0);
  const citedWithGold = cited.filter((c) => c.goldIds.length > 0);
  const withFacts = cases.filter((c) => c.case.must_contain.length > 0);
  const withForbidden = cases.filter((c) => c.case.must_not_contain.length > 0);
  const escalationCases = cases.filter((c) => c.case.expect_escalate !== undefined);
  const expectedUrgent = escalationCases.filter((c) => c.case.expect_escalate === 'urgent');
  const predictedUrgent = escalationCases.filter((c) => c.result.escalate === 'urgent');
  const expectedPerson = escalationCases.filter((c) => c.case.expect_escalate === 'person');
  const refusalCases = cases.filter((c) => c.case.expect_refusal || c.goldIds.length > 0);
  const answered = cases.filter((c) => c.result.mode === 'extractive' || c.result.mode === 'llm');
  const latencies = cases.flatMap((c) => (c.result.latency_ms === undefined ? [] : [c.result.latency_ms]));
  return {
    cases: cases.length,
    retrievalCases: retrieval.length,
    recallAt1: rate(retrieval.filter((c) => c.goldRank === 1).length, retrieval.length),
    recallAt5: rate(retrieval.filter((c) => c.goldRank !== null && c.goldRank <= 5).length, retrieval.length),
    mrrAt10: retrieval.length === 0 ? null : retrieval.reduce((s, c) => s + (c.goldRank ? 1 / c.goldRank : 0), 0) / retrieval.length,
    citationValidity: rate(cited.filter((c) => c.invalidCitations.length === 0).length, cited.length),
    citationHit: rate(retrieval.filter((c) => c.citedIds.some((id) => c.goldIds.includes(id))).length, retrieval.length),
    citationPrecision:
      citedWithGold.length === 0
        ? null
        : citedWithGold.reduce((s, c) => s + c.citedIds.filter((id) => c.goldIds.includes(id)).length / c.citedIds.length, 0) / citedWithGold.length,
    mustContainPass: rate(withFacts.filter((c) => c.case.must_contain.every((f) => (c.result.answer ?? '').includes(f))).length, withFacts.length),
    mustNotContainPass: rate(withForbidden.filter((c) => c.case.must_not_contain.every((f) => !(c.result.answer ?? '').includes(f))).length, withForbidden.length),
    urgentRecall: rate(expectedUrgent.filter((c) => c.result.escalate === 'urgent').length, expectedUrgent.length),
    urgentPrecision: rate(predictedUrgent.filter((c) => c.case.expect_escalate === 'urgent').length, predictedUrgent.length),
    personRecall: rate(expectedPerson.filter((c) => c.result.escalate === 'person').length, expectedPerson.length),
    escalationAccuracy: rate(escalationCases.filter((c) => c.result.escalate === c.case.expect_escalate).length, escalationCases.length),
    refusalCorrect: rate(refusalCases.filter((c) => (c.result.mode === 'refusal') === c.case.expect_refusal).length, refusalCases.length),
    languageMatch: rate(cases.filter((c) => c.languageMatch).length, cases.length),
    llmShare: rate(answered.filter((c) => c.result.mode === 'llm').length, answered.length),
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
  };
}
