import { z } from 'zod';

const groupSchema = z.object({ name: z.string(), summary: z.record(z.string(), z.number().nullable()) });
const reportSchema = z.looseObject({
  createdAt: z.string(),
  byLanguage: z.array(groupSchema),
  byTopic: z.array(groupSchema).default([]),
  byCategory: z.array(groupSchema).default([]),
  noGold: z.array(groupSchema).default([]),
  cases: z.array(
    z.looseObject({
      id: z.string(),
      dataset: z.string(),
      question: z.string().optional(),
      goldRank: z.number().nullable().default(null),
      failedChecks: z.array(z.string()),
    }),
  ),
});
/** The parts of a JSON eval report that a comparison reads (older reports without topic groups still parse). */
export type ComparableReport = z.infer<typeof reportSchema>;

/** Validates a parsed JSON report. */
export function parseReport(raw: unknown): ComparableReport {
  return reportSchema.parse(raw);
}

/** Counters are not compared as metrics. */
const NOT_METRICS = new Set(['cases', 'retrievalCases']);

/** One metric that changed. */
export interface MetricChange {
  readonly section: string;
  readonly group: string;
  readonly metric: string;
  readonly before: number;
  readonly after: number;
  readonly better: boolean;
  /** Group size in A and B; metrics of groups whose membership changed are not like for like. */
  readonly cases: readonly [number | null, number | null];
}

/** One case whose outcome changed. */
export interface CaseChange {
  readonly key: string;
  readonly better: boolean;
  readonly detail: string;
}

/** Everything that changed from report A to report B. */
export interface ReportDiff {
  readonly metrics: MetricChange[];
  readonly cases: CaseChange[];
  readonly onlyInA: string[];
  readonly onlyInB: string[];
  /** Same id, different question text: the dataset changed, so the outcomes are not compared. */
  readonly questionChanged: string[];
}

/**
 * Noise floor: rates must move by at least half a point; latencies by 10%
 * and 1 ms (timings jitter from run to run).
 */
function isSignificant(metric: string, before: number, after: number): boolean {
  const delta = Math.abs(after - before);
  if (metric.startsWith('latency')) return delta >= 1 && delta >= 0.1 * Math.max(before, after);
  return delta >= 0.005;
}

function isLowerBetter(metric: string): boolean {
  return metric.startsWith('latency') || metric === 'fallbackRate' || metric === 'errorRate';
}

/** Metric by metric (every group of every section) and case by case: what improved and what regressed. */
export function diffReports(a: ComparableReport, b: ComparableReport): ReportDiff {
  const metrics: MetricChange[] = [];
  for (const section of ['byLanguage', 'byTopic', 'byCategory', 'noGold'] as const) {
    for (const group of b[section]) {
      const before = a[section].find((g) => g.name === group.name)?.summary;
      if (!before) continue;
      for (const [metric, after] of Object.entries(group.summary)) {
        const prev = before[metric];
        if (
          NOT_METRICS.has(metric) ||
          typeof after !== 'number' ||
          typeof prev !== 'number' ||
          !isSignificant(metric, prev, after)
        )
          continue;
        const cases = [before.cases ?? null, group.summary.cases ?? null] as const;
        metrics.push({
          section,
          group: group.name,
          metric,
          before: prev,
          after,
          better: isLowerBetter(metric) ? after < prev : after > prev,
          cases,
        });
      }
    }
  }
  const keyOf = (c: { dataset: string; id: string }) => `${c.dataset}::${c.id}`;
  const beforeCases = new Map(a.cases.map((c) => [keyOf(c), c]));
  const afterKeys = new Set(b.cases.map(keyOf));
  const cases: CaseChange[] = [];
  const questionChanged: string[] = [];
  const rank = (r: number | null) => r ?? Infinity;
  for (const c of b.cases) {
    const key = keyOf(c);
    const prev = beforeCases.get(key);
    if (!prev) continue;
    if (prev.question !== undefined && c.question !== undefined && prev.question !== c.question) {
      questionChanged.push(key);
      continue;
    }
    const fixed = prev.failedChecks.filter((f) => !c.failedChecks.includes(f));
    const broken = c.failedChecks.filter((f) => !prev.failedChecks.includes(f));
    const rankMoved = prev.goldRank !== c.goldRank;
    if (fixed.length === 0 && broken.length === 0 && !rankMoved) continue;
    const detail = [
      ...(fixed.length > 0 ? [`fixed: ${fixed.join('; ')}`] : []),
      ...(broken.length > 0 ? [`now fails: ${broken.join('; ')}`] : []),
      ...(rankMoved ? [`gold rank ${prev.goldRank ?? '-'} -> ${c.goldRank ?? '-'}`] : []),
    ].join(' | ');
    // A case counts as better only if nothing new fails and the gold did not drop.
    cases.push({ key, better: broken.length === 0 && rank(c.goldRank) <= rank(prev.goldRank), detail });
  }
  return {
    metrics,
    cases,
    onlyInA: [...beforeCases.keys()].filter((k) => !afterKeys.has(k)),
    onlyInB: [...afterKeys].filter((k) => !beforeCases.has(k)),
    questionChanged,
  };
}

/** At most a dozen keys, then a count. */
function listKeys(keys: readonly string[]): string {
  return keys.length <= 12 ? keys.join(', ') : `${keys.slice(0, 12).join(', ')}, … (+${keys.length - 12})`;
}

/** The diff as text: improvements (+) and regressions (-), metrics first, then cases. */
export function compareReports(rawA: unknown, rawB: unknown): string {
  const a = parseReport(rawA);
  const b = parseReport(rawB);
  const diff = diffReports(a, b);
  const fmt = (v: number, metric: string) => (metric.startsWith('latency') ? v.toFixed(1) : v.toFixed(3));
  const metricLine = (m: MetricChange) =>
    `  ${m.better ? '+' : '-'} [${m.section}] ${m.group} ${m.metric}: ` +
    `${fmt(m.before, m.metric)} -> ${fmt(m.after, m.metric)}` +
    (m.cases[0] !== m.cases[1] ? ` (n ${m.cases[0] ?? '?'} -> ${m.cases[1] ?? '?'})` : '');
  const improved = diff.metrics.filter((m) => m.better);
  const regressed = diff.metrics.filter((m) => !m.better);
  const casesBetter = diff.cases.filter((c) => c.better);
  const casesWorse = diff.cases.filter((c) => !c.better);
  return [
    `Comparing A = ${a.createdAt} -> B = ${b.createdAt}`,
    '',
    `Metrics improved (${improved.length}):`,
    ...improved.map(metricLine),
    '',
    `Metrics regressed (${regressed.length}):`,
    ...regressed.map(metricLine),
    '',
    `Cases improved (${casesBetter.length}):`,
    ...casesBetter.map((c) => `  + ${c.key}: ${c.detail}`),
    '',
    `Cases regressed (${casesWorse.length}):`,
    ...casesWorse.map((c) => `  - ${c.key}: ${c.detail}`),
    ...(diff.questionChanged.length > 0
      ? ['', `Question text changed, not compared (${diff.questionChanged.length}): ${listKeys(diff.questionChanged)}`]
      : []),
    ...(diff.onlyInA.length > 0 ? ['', `Only in A (${diff.onlyInA.length}): ${listKeys(diff.onlyInA)}`] : []),
    ...(diff.onlyInB.length > 0 ? ['', `Only in B (${diff.onlyInB.length}): ${listKeys(diff.onlyInB)}`] : []),
  ].join('\n');
}
