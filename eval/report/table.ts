import type { Summary } from '../metrics/summarize.js';

const COLUMNS: [keyof Summary, string, 'rate' | 'ms' | 'count'][] = [
  ['cases', 'n', 'count'],
  ['recallAt1', 'R@1', 'rate'],
  ['recallAt5', 'R@5', 'rate'],
  ['mrrAt10', 'MRR@10', 'rate'],
  ['citationValidity', 'cite-valid', 'rate'],
  ['citationPrecision', 'cite-prec', 'rate'],
  ['citationHit', 'cite-hit', 'rate'],
  ['mustContainPass', 'facts', 'rate'],
  ['urgentRecall', 'urg-rec', 'rate'],
  ['urgentPrecision', 'urg-prec', 'rate'],
  ['escalationAccuracy', 'esc-acc', 'rate'],
  ['refusalCorrect', 'refusal', 'rate'],
  ['languageMatch', 'lang', 'rate'],
  ['llmShare', 'llm', 'rate'],
  ['latencyP50', 'p50ms', 'ms'],
  ['latencyP95', 'p95ms', 'ms'],
];

function cell(value: number | null, kind: 'rate' | 'ms' | 'count'): string {
  if (value === null) return '-';
  return kind === 'rate' ? value.toFixed(2) : kind === 'ms' ? value.toFixed(1) : String(value);
}

/** A plain-text table: one row per group, one column per metric. */
export function renderTable(title: string, rows: readonly { name: string; summary: Summary }[]): string {
  const header = ['group', ...COLUMNS.map(([, label]) => label)];
  const body = rows.map((r) => [r.name, ...COLUMNS.map(([key, , kind]) => cell(r.summary[key] as number | null, kind))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
