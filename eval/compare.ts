import type { Summary } from './metrics/summarize.js';

interface Report {
  createdAt: string;
  byLanguage: { name: string; summary: Summary }[];
  cases: { id: string; dataset: string; goldRank: number | null; failedChecks: string[] }[];
}

/** What improved and what regressed between two eval reports, metric by metric and case by case. */
export function compareReports(a: Report, b: Report): string {
  const lines = [`Comparing ${a.createdAt} (A) -> ${b.createdAt} (B)`, '', 'Metrics (A -> B):'];
  for (const group of b.byLanguage) {
    const before = a.byLanguage.find((g) => g.name === group.name)?.summary;
    if (!before) continue;
    for (const [key, after] of Object.entries(group.summary) as [keyof Summary, number | null][]) {
      const prev = before[key];
      if (typeof after !== 'number' || typeof prev !== 'number' || key === 'cases' || key === 'retrievalCases') continue;
      const delta = after - prev;
      if (Math.abs(delta) < 1e-9) continue;
      const lowerIsBetter = key.startsWith('latency');
      const better = lowerIsBetter ? delta < 0 : delta > 0;
      lines.push(`  ${better ? '+' : '-'} ${group.name} ${key}: ${prev.toFixed(3)} -> ${after.toFixed(3)}`);
    }
  }
  const before = new Map(a.cases.map((c) => [`${c.dataset}::${c.id}`, c]));
  const improved: string[] = [];
  const regressed: string[] = [];
  for (const c of b.cases) {
    const prev = before.get(`${c.dataset}::${c.id}`);
    if (!prev) continue;
    if (prev.failedChecks.length > 0 && c.failedChecks.length === 0) improved.push(`${c.id} now passes`);
    else if (prev.failedChecks.length === 0 && c.failedChecks.length > 0) regressed.push(`${c.id}: ${c.failedChecks.join('; ')}`);
  }
  lines.push('', `Cases improved (${improved.length}):`, ...improved.map((l) => `  + ${l}`));
  lines.push('', `Cases regressed (${regressed.length}):`, ...regressed.map((l) => `  - ${l}`));
  return lines.join('\n');
}
