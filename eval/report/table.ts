import type { Summary } from '../metrics/summarize.js';

/** A table column: metric key, header, and how to print it. */
export type Column = readonly [keyof Summary, string, 'rate' | 'ms' | 'count'];

/** Answer quality: retrieval, citations, facts, escalation, refusal, language, latency. */
export const QUALITY_COLUMNS: readonly Column[] = [
  ['cases', 'n', 'count'],
  ['recallAt1', 'R@1', 'rate'],
  ['recallAt5', 'R@5', 'rate'],
  ['mrrAt10', 'MRR@10', 'rate'],
  ['citationValidity', 'cite-valid', 'rate'],
  ['citationPrecision', 'cite-prec', 'rate'],
  ['citationHit', 'cite-hit', 'rate'],
  ['mustContainPass', 'facts', 'rate'],
  ['mustNotContainPass', 'no-forbid', 'rate'],
  ['urgentRecall', 'urg-rec', 'rate'],
  ['urgentPrecision', 'urg-prec', 'rate'],
  ['escalationAccuracy', 'esc-acc', 'rate'],
  ['refusalCorrect', 'refusal', 'rate'],
  ['languageMatch', 'lang', 'rate'],
  ['llmShare', 'llm', 'rate'],
  ['fallbackRate', 'fallback', 'rate'],
  ['latencyP50', 'p50ms', 'ms'],
  ['latencyP95', 'p95ms', 'ms'],
  ['calcExact', 'calc', 'rate'],
];

/** Escalation per level: precision and recall of urgent, person and none. */
export const ESCALATION_COLUMNS: readonly Column[] = [
  ['cases', 'n', 'count'],
  ['urgentRecall', 'urg-rec', 'rate'],
  ['urgentPrecision', 'urg-prec', 'rate'],
  ['personRecall', 'pers-rec', 'rate'],
  ['personPrecision', 'pers-prec', 'rate'],
  ['noneRecall', 'none-rec', 'rate'],
  ['nonePrecision', 'none-prec', 'rate'],
  ['escalationAccuracy', 'esc-acc', 'rate'],
];

/** Everyday questions: key fact first, card, facts, citations, reply length before citations (characters). */
export const ANSWER_COLUMNS: readonly Column[] = [
  ['cases', 'n', 'count'],
  ['keyFactFirst', 'key-first', 'rate'],
  ['mustContainPass', 'facts', 'rate'],
  ['cardHit', 'card', 'rate'],
  ['citationHit', 'cite-hit', 'rate'],
  ['citationValidity', 'cite-valid', 'rate'],
  ['recallAt5', 'R@5', 'rate'],
  ['replyLengthP50', 'len-p50', 'count'],
  ['replyLengthP95', 'len-p95', 'count'],
];

/** Behaviour only, for cases without a countable gold article. */
export const BEHAVIOUR_COLUMNS: readonly Column[] = [
  ['cases', 'n', 'count'],
  ['answeredRate', 'answered', 'rate'],
  ['escalatedRate', 'escalated', 'rate'],
  ['refusedRate', 'refused', 'rate'],
  ['errorRate', 'errors', 'rate'],
  ['citationValidity', 'cite-valid', 'rate'],
  ['languageMatch', 'lang', 'rate'],
  ['latencyP50', 'p50ms', 'ms'],
];

/** A metric value as the reports print it: rates to 2 decimals, milliseconds to 1, counts as integers. */
export function formatMetric(value: number | null | undefined, kind: 'rate' | 'ms' | 'count'): string {
  if (value === null || value === undefined) return '-';
  return kind === 'rate' ? value.toFixed(2) : kind === 'ms' ? value.toFixed(1) : String(value);
}

/** A plain-text table: one row per group, one column per metric. */
export function renderTable(
  title: string,
  rows: readonly { name: string; summary: Summary }[],
  columns: readonly Column[] = QUALITY_COLUMNS,
): string {
  const header = ['group', ...columns.map(([, label]) => label)];
  const body = rows.map((r) => [r.name, ...columns.map(([key, , kind]) => formatMetric(r.summary[key], kind))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
