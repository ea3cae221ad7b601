import type { GroupSummary } from '../lib/group-cases.js';
import type { EvalReport } from './report-types.js';
import { BEHAVIOUR_COLUMNS, ESCALATION_COLUMNS, formatMetric, QUALITY_COLUMNS, type Column } from './table.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const esc = escapeHtml;

/** Horizontal bars, one per group, for a rate in [0, 1]. */
function barChart(title: string, rows: readonly { name: string; value: number | null; n: number }[]): string {
  if (rows.length === 0) return '';
  const h = 22;
  const width = 680;
  const label = 220;
  const bars = rows
    .map((r, i) => {
      const v = r.value ?? 0;
      const w = Math.round((width - label - 90) * v);
      const colour = v >= 0.85 ? '#2e7d32' : v >= 0.6 ? '#f9a825' : '#c62828';
      return (
        `<text x="0" y="${i * h + 15}" font-size="12">${esc(r.name)}</text>` +
        `<rect x="${label}" y="${i * h + 4}" width="${w}" height="14" fill="${colour}">` +
        `<title>${esc(r.name)}: ${formatMetric(r.value, 'rate')} (n=${r.n})</title></rect>` +
        `<text x="${label + w + 6}" y="${i * h + 15}" font-size="12">${formatMetric(r.value, 'rate')} · n=${r.n}</text>`
      );
    })
    .join('');
  return (
    `<h3>${esc(title)}</h3>` +
    `<svg width="${width}" height="${rows.length * h + 8}" role="img" aria-label="${esc(title)}">${bars}</svg>`
  );
}

/** Latency histogram in 10 equal buckets from 0 to the p99 (slower answers go in the last bucket). */
function histogram(latencies: readonly number[]): string {
  if (latencies.length === 0) return '';
  const sorted = [...latencies].sort((a, b) => a - b);
  const max = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]! || 1;
  const buckets = new Array<number>(10).fill(0);
  for (const l of latencies) buckets[Math.min(9, Math.floor((l / max) * 10))]! += 1;
  const peak = Math.max(...buckets);
  const bars = buckets
    .map((n, i) => {
      const hgt = Math.round((n / peak) * 120);
      return (
        `<rect x="${i * 54 + 30}" y="${140 - hgt}" width="44" height="${hgt}" fill="#1565c0">` +
        `<title>${((max / 10) * i).toFixed(1)}–${((max / 10) * (i + 1)).toFixed(1)} ms: ${n}</title></rect>` +
        `<text x="${i * 54 + 30}" y="158" font-size="10">${((max / 10) * i).toFixed(1)}</text>` +
        `<text x="${i * 54 + 44}" y="${135 - hgt}" font-size="10">${n}</text>`
      );
    })
    .join('');
  return (
    '<h3>Latency per answer (ms, inside the batch CLI)</h3>' +
    `<svg width="590" height="170" role="img" aria-label="latency histogram">${bars}</svg>`
  );
}

function summaryTable(rows: readonly GroupSummary[], columns: readonly Column[]): string {
  if (rows.length === 0) return '<p>(none)</p>';
  const head =
    '<tr><th>group</th>' +
    columns.map(([key, label]) => `<th title="${esc(key)}">${esc(label)}</th>`).join('') +
    '</tr>';
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.name)}</td>` +
        columns.map(([key, , kind]) => `<td>${formatMetric(r.summary[key], kind)}</td>`).join('') +
        '</tr>',
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

function caseTable(report: EvalReport): string {
  const rows = report.cases
    .map((c) => {
      const cites = c.citations.map((x) => x.label ?? `${x.law} ${x.article ?? ''}`).join('<br>');
      const failing = c.failedChecks.length > 0;
      const checks = failing
        ? `<span class="bad">${c.failedChecks.map(esc).join('<br>')}</span>`
        : '<span class="ok">pass</span>';
      const answer = c.answer ?? '';
      return (
        `<tr class="${failing ? 'fail' : 'pass'}"><td>${esc(c.dataset)}<br>${esc(c.id)}</td>` +
        `<td>${esc(c.lang)}</td><td>${esc(c.topic)}</td>` +
        `<td class="q">${esc(c.question)}</td>` +
        `<td><details><summary>${esc(answer.slice(0, 50))}${answer.length > 50 ? '…' : ''}</summary>` +
        `<pre>${esc(answer)}</pre></details></td>` +
        `<td>${esc(cites)}</td><td>${esc(c.goldIds.join(' '))}<br>rank ${c.goldRank ?? '-'}</td>` +
        `<td>${esc(c.escalate ?? '')}${c.expectEscalate ? ` (want ${esc(c.expectEscalate)})` : ''}` +
        `<br><small>${esc(c.reasons.join(', '))}</small></td>` +
        `<td>${esc(c.mode ?? '')}</td><td>${checks}</td></tr>`
      );
    })
    .join('');
  return (
    `<p><label><input type="checkbox" id="only-failing"> show failing cases only</label></p>` +
    '<table id="cases"><tr><th>case</th><th>lang</th><th>topic</th><th>question</th><th>answer</th>' +
    '<th>citations</th><th>gold</th><th>escalate</th><th>mode</th><th>failed checks</th></tr>' +
    `${rows}</table>` +
    "<script>document.getElementById('only-failing').addEventListener('change',function(e){" +
    "document.querySelectorAll('#cases tr.pass').forEach(function(r){r.style.display=e.target.checked?'none':''})" +
    '})</script>'
  );
}

/**
 * A self-contained HTML report (no external assets): summary tables per
 * dataset × language, escalation per category, no-gold behaviour, per-topic
 * bar charts, a latency histogram and a per-case table with failed checks.
 */
export function renderHtml(report: EvalReport): string {
  const topicBars = (title: string, key: 'recallAt5' | 'mustContainPass' | 'citationHit') =>
    barChart(
      title,
      report.byTopic
        .filter((t) => t.summary[key] !== null)
        .map((t) => ({ name: t.name, value: t.summary[key], n: t.summary.cases })),
    );
  const latencies = report.cases.flatMap((c) => (c.latencyMs === undefined ? [] : [c.latencyMs]));
  const failing = report.cases.filter((c) => c.failedChecks.length > 0).length;
  const judge = report.judge
    ? `<p>LLM judge: ${report.judge.judged} answers judged, ` +
      `${report.judge.unsupported}/${report.judge.claims} legal claims unsupported by their citations ` +
      `(rate ${formatMetric(report.judge.unsupportedClaimRate, 'rate')}).</p>`
    : '<p>LLM judge: not configured (set OPENAI_BASE_URL and LLM_MODEL).</p>';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
      `<title>gonghui-bot eval ${esc(report.createdAt)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}' +
      'table{border-collapse:collapse;font-size:12px;margin-bottom:16px}' +
      'td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}th{background:#f4f4f4}' +
      'pre{white-space:pre-wrap;max-width:520px;margin:4px 0}td.q{max-width:320px}' +
      '.ok{color:#2e7d32}.bad{color:#c62828}</style></head><body>',
    '<h1>gonghui-bot answer-quality eval</h1>',
    `<p>${esc(report.createdAt)} · ${report.cases.length} cases · ${failing} with a failed check · ` +
      `${(report.durationMs / 1000).toFixed(1)} s` +
      `${report.llmExpected ? ' · LLM endpoint configured' : ' · no LLM endpoint (extractive answers)'}</p>`,
    `<h2>By dataset and language</h2>${summaryTable(report.byLanguage, QUALITY_COLUMNS)}`,
    `<h2>Escalation by category</h2>${summaryTable(report.byCategory, ESCALATION_COLUMNS)}`,
    `<h2>Cases without a countable gold article (behaviour only)</h2>${summaryTable(report.noGold, BEHAVIOUR_COLUMNS)}`,
    judge,
    '<h2>By topic</h2>',
    topicBars('Recall@5 by topic', 'recallAt5'),
    topicBars('Answer cites a gold article, by topic', 'citationHit'),
    topicBars('Must-contain facts by topic', 'mustContainPass'),
    histogram(latencies),
    `<h2>Cases</h2>${caseTable(report)}`,
    '</body></html>',
    '',
  ].join('\n');
}
