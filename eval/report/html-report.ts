import type { Summary } from '../metrics/summarize.js';
import type { ScoredCase } from '../metrics/types.js';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Horizontal bars, one per group, for a rate in [0, 1]. */
function barChart(title: string, rows: readonly { name: string; value: number | null }[]): string {
  const h = 22;
  const width = 640;
  const label = 200;
  const bars = rows
    .map((r, i) => {
      const v = r.value ?? 0;
      const w = Math.round((width - label - 60) * v);
      return `<text x="0" y="${i * h + 15}" font-size="12">${esc(r.name)}</text>` +
        `<rect x="${label}" y="${i * h + 4}" width="${w}" height="14" fill="${v >= 0.85 ? '#2e7d32' : v >= 0.6 ? '#f9a825' : '#c62828'}"/>` +
        `<text x="${label + w + 6}" y="${i * h + 15}" font-size="12">${r.value === null ? '-' : v.toFixed(2)}</text>`;
    })
    .join('');
  return `<h3>${esc(title)}</h3><svg width="${width}" height="${rows.length * h + 8}" role="img">${bars}</svg>`;
}

/** Latency histogram in 10 buckets up to the p99. */
function histogram(latencies: readonly number[]): string {
  if (latencies.length === 0) return '';
  const sorted = [...latencies].sort((a, b) => a - b);
  const max = sorted[Math.floor(sorted.length * 0.99)] ?? sorted.at(-1)!;
  const buckets = new Array<number>(10).fill(0);
  for (const l of latencies) buckets[Math.min(9, Math.floor((l / (max || 1)) * 10))]! += 1;
  const peak = Math.max(...buckets);
  const bars = buckets
    .map((n, i) => {
      const hgt = Math.round((n / peak) * 120);
      return `<rect x="${i * 50 + 30}" y="${140 - hgt}" width="40" height="${hgt}" fill="#1565c0"/>` +
        `<text x="${i * 50 + 30}" y="158" font-size="10">${((max / 10) * i).toFixed(1)}</text><text x="${i * 50 + 40}" y="${135 - hgt}" font-size="10">${n}</text>`;
    })
    .join('');
  return `<h3>Latency (ms per answer)</h3><svg width="560" height="170">${bars}</svg>`;
}

/** A self-contained HTML report: summary tables, per-topic charts, latency histogram, per-case table. */
export function renderHtml(report: {
  createdAt: string;
  byLanguage: { name: string; summary: Summary }[];
  byTopic: { name: string; summary: Summary }[];
  cases: readonly ScoredCase[];
}): string {
  const metricKeys: (keyof Summary)[] = ['cases', 'recallAt1', 'recallAt5', 'mrrAt10', 'citationValidity', 'citationPrecision', 'mustContainPass', 'urgentRecall', 'escalationAccuracy', 'refusalCorrect', 'languageMatch', 'latencyP50', 'latencyP95'];
  const summaryTable = `<table><tr><th>group</th>${metricKeys.map((k) => `<th>${k}</th>`).join('')}</tr>${report.byLanguage
    .map((r) => `<tr><td>${esc(r.name)}</td>${metricKeys.map((k) => `<td>${r.summary[k] === null ? '-' : k === 'cases' ? String(r.summary[k]) : Number(r.summary[k]).toFixed(k.startsWith('latency') ? 1 : 2)}</td>`).join('')}</tr>`)
    .join('')}</table>`;
  const caseRows = report.cases
    .map((c) => {
      const cites = (c.result.citations ?? []).map((x) => `${x.law} ${x.article ?? ''}`).join('; ');
      const fails = c.failedChecks.length === 0 ? '<span class="ok">pass</span>' : `<span class="bad">${esc(c.failedChecks.join('; '))}</span>`;
      return `<tr><td>${esc(c.case.id)}</td><td>${esc(c.case.lang)}</td><td>${esc(c.case.topic)}</td><td>${esc(c.case.question.slice(0, 200))}</td>` +
        `<td><details><summary>${esc((c.result.answer ?? '').slice(0, 60))}…</summary><pre>${esc(c.result.answer ?? '')}</pre></details></td>` +
        `<td>${esc(cites)}</td><td>${c.goldRank ?? '-'}</td><td>${esc(c.result.escalate ?? '')}</td><td>${fails}</td></tr>`;
    })
    .join('');
  const latencies = report.cases.flatMap((c) => (c.result.latency_ms === undefined ? [] : [c.result.latency_ms]));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gonghui-bot eval ${esc(report.createdAt)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}pre{white-space:pre-wrap;max-width:560px}.ok{color:#2e7d32}.bad{color:#c62828}</style></head><body>
<h1>gonghui-bot answer-quality eval</h1><p>${esc(report.createdAt)} · ${report.cases.length} cases</p>
<h2>By dataset and language</h2>${summaryTable}
${barChart('Recall@5 by topic', report.byTopic.map((t) => ({ name: t.name, value: t.summary.recallAt5 })))}
${barChart('Must-contain facts by topic', report.byTopic.filter((t) => t.summary.mustContainPass !== null).map((t) => ({ name: t.name, value: t.summary.mustContainPass })))}
${histogram(latencies)}
<h2>Cases</h2><table><tr><th>id</th><th>lang</th><th>topic</th><th>question</th><th>answer</th><th>citations</th><th>gold rank</th><th>escalate</th><th>checks</th></tr>${caseRows}</table>
</body></html>`;
}
