import type { ScoredCase } from './types.js';

/**
 * Calculator cases (eval/datasets/calc-*.jsonl) carry `expect_number`: the
 * figure computed by hand from the article text. The bot passes when its
 * `calculation.result` is that number (to the cent) or that ISO date.
 * Undefined for cases without an expected number.
 */
export function calcExactMatch(c: ScoredCase): boolean | undefined {
  const expected = (c.case as { expect_number?: unknown }).expect_number;
  if (typeof expected !== 'number' && typeof expected !== 'string') return undefined;
  const got = c.result.calculation?.result;
  if (typeof expected === 'number') return typeof got === 'number' && Math.abs(got - expected) < 0.005;
  return got === expected;
}

/** Share of calculator cases whose number matches exactly; null when the group has none. */
export function calcExactRate(cases: readonly ScoredCase[]): number | null {
  const judged = cases.map(calcExactMatch).filter((v): v is boolean => v !== undefined);
  return judged.length === 0 ? null : judged.filter(Boolean).length / judged.length;
}
