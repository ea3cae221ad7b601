import { summarize, type SummarizeOptions, type Summary } from '../metrics/summarize.js';
import type { ScoredCase } from '../metrics/types.js';

/** A named group of cases and its metrics. */
export interface GroupSummary {
  readonly name: string;
  readonly summary: Summary;
}

/** Summaries per key, sorted by name; cases whose key is undefined are left out. */
export function groupSummaries(
  cases: readonly ScoredCase[],
  key: (c: ScoredCase) => string | undefined,
  options: SummarizeOptions = {},
): GroupSummary[] {
  const groups = new Map<string, ScoredCase[]>();
  for (const c of cases) {
    const k = key(c);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, members]) => ({ name, summary: summarize(members, options) }));
}

/** Every grouping the reports show. Group names are what `eval/thresholds.json` refers to. */
export interface EvalGroups {
  /** `<dataset>/<lang>`, `<dataset>/all` and `all`. */
  readonly byLanguage: GroupSummary[];
  /** Topic over all datasets. */
  readonly byTopic: GroupSummary[];
  /** Escalation category (cases that carry one). */
  readonly byCategory: GroupSummary[];
  /**
   * `<dataset>/no-gold`: cases without a countable gold article (none in
   * knowledge/, or only superseded ones); behaviour only.
   */
  readonly noGold: GroupSummary[];
}

/** Groups scored cases by dataset × language, topic, escalation category, and no-gold cases. */
export function groupCases(cases: readonly ScoredCase[], options: SummarizeOptions = {}): EvalGroups {
  return {
    byLanguage: [
      ...groupSummaries(cases, (c) => `${c.dataset}/${c.case.lang}`, options),
      ...groupSummaries(cases, (c) => `${c.dataset}/all`, options),
      { name: 'all', summary: summarize(cases, options) },
    ],
    byTopic: groupSummaries(cases, (c) => c.case.topic, options),
    byCategory: groupSummaries(cases, (c) => c.case.category, options),
    noGold: groupSummaries(cases, (c) => (c.goldIds.length === 0 ? `${c.dataset}/no-gold` : undefined), options),
  };
}
