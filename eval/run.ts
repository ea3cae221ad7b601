/**
 * npm run eval [-- --dataset NAME] [--limit N] [--gate] [--compare A.json B.json]
 *
 * Runs every dataset in eval/datasets through the bot's batch CLI, prints a
 * table per dataset × language and per topic, writes JSON and HTML reports to
 * eval/reports/, and with --gate fails when a floor in eval/thresholds.json
 * is not met.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/ingest/load-knowledge.js';
import { compareReports } from './compare.js';
import { checkThresholds } from './gate.js';
import { createFaithfulnessJudge } from './judge/faithfulness.js';
import { createGoldResolver } from './lib/gold-matcher.js';
import { loadCases } from './lib/load-cases.js';
import { runBatch } from './lib/run-batch.js';
import { scoreCase } from './metrics/score-case.js';
import { summarize, type Summary } from './metrics/summarize.js';
import type { ScoredCase } from './metrics/types.js';
import { renderHtml } from './report/html-report.js';
import { renderTable } from './report/table.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: 'string' },
    limit: { type: 'string' },
    gate: { type: 'boolean', default: false },
    compare: { type: 'boolean', default: false },
  },
});

if (values.compare) {
  const [a, b] = positionals;
  if (!a || !b) {
    process.stderr.write('usage: npm run eval -- --compare A.json B.json\n');
    process.exit(2);
  }
  process.stdout.write(`${compareReports(JSON.parse(readFileSync(a, 'utf8')), JSON.parse(readFileSync(b, 'utf8')))}\n`);
  process.exit(0);
}

const DATASETS = 'eval/datasets';
const files = readdirSync(DATASETS)
  .filter((f) => f.endsWith('.jsonl'))
  .filter((f) => !values.dataset || basename(f, '.jsonl') === values.dataset);
const limit = values.limit ? Number(values.limit) : Infinity;
const datasets = files.map((f) => ({ name: basename(f, '.jsonl'), cases: loadCases(join(DATASETS, f)).slice(0, limit) }));
const questions = datasets.flatMap((d) => d.cases.map((c) => ({ id: `${d.name}::${c.id}`, question: c.question })));

const started = Date.now();
const results = await runBatch(questions);
const kb = await loadKnowledge(process.env.KNOWLEDGE_DIR ?? 'knowledge');
const resolveGold = createGoldResolver(kb.documents);
const passages = new Map(kb.passages.map((p) => [p.id, p]));
const ctx = { resolveGold, resolveLaw: (law: string) => resolveGold({ law, article: 1 }), passages };

const scored: ScoredCase[] = datasets.flatMap((d) =>
  d.cases.map((c) => scoreCase(d.name, c, results.get(`${d.name}::${c.id}`) ?? { id: c.id, error: 'no result' }, ctx)),
);

function groupBy(key: (c: ScoredCase) => string): { name: string; summary: Summary }[] {
  const groups = new Map<string, ScoredCase[]>();
  for (const c of scored) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, cases]) => ({ name, summary: summarize(cases) }));
}

const byLanguage = [
  ...groupBy((c) => `${c.dataset}/${c.case.lang}`),
  ...groupBy((c) => `${c.dataset}/all`),
  { name: 'all', summary: summarize(scored) },
];
const byTopic = groupBy((c) => c.case.topic);
process.stdout.write(`${renderTable('By dataset and language', byLanguage)}\n\n${renderTable('By topic (all datasets)', byTopic)}\n\n`);

// Optional LLM judge (only with an endpoint configured): unsupported legal claims in LLM-drafted answers.
const judge = createFaithfulnessJudge();
let judgeSummary: { judged: number; claims: number; unsupported: number; unsupportedClaimRate: number | null } | undefined;
if (judge) {
  let judged = 0;
  let claims = 0;
  let unsupported = 0;
  for (const c of scored.filter((x) => x.result.mode === 'llm')) {
    const excerpts = (c.result.citations ?? []).map((x) => x.excerpt ?? '');
    const verdict = await judge(c.result.answer ?? '', excerpts);
    if (!verdict) continue;
    judged += 1;
    claims += verdict.claims;
    unsupported += verdict.unsupported;
  }
  judgeSummary = { judged, claims, unsupported, unsupportedClaimRate: claims === 0 ? null : unsupported / claims };
  process.stdout.write(`LLM judge: ${judged} LLM answers judged, ${unsupported}/${claims} legal claims unsupported by their citations\n\n`);
}

const createdAt = new Date().toISOString();
const report = {
  createdAt,
  durationMs: Date.now() - started,
  byLanguage,
  byTopic,
  ...(judgeSummary ? { judge: judgeSummary } : {}),
  cases: scored.map((c) => ({
    id: c.case.id,
    dataset: c.dataset,
    lang: c.case.lang,
    topic: c.case.topic,
    question: c.case.question,
    answer: c.result.answer,
    citations: c.result.citations,
    escalate: c.result.escalate,
    mode: c.result.mode,
    goldIds: c.goldIds,
    goldRank: c.goldRank,
    latencyMs: c.result.latency_ms,
    failedChecks: c.failedChecks,
  })),
};
mkdirSync('eval/reports', { recursive: true });
const stamp = createdAt.replace(/[:.]/g, '-');
writeFileSync(join('eval/reports', `${stamp}.json`), JSON.stringify(report, null, 2));
writeFileSync(join('eval/reports', 'latest.json'), JSON.stringify(report, null, 2));
writeFileSync(join('eval/reports', 'latest.html'), renderHtml({ createdAt, byLanguage, byTopic, cases: scored }));
process.stdout.write(`Reports: eval/reports/${stamp}.json, eval/reports/latest.json, eval/reports/latest.html\n`);

if (values.gate) {
  const failures = checkThresholds(JSON.parse(readFileSync('eval/thresholds.json', 'utf8')), byLanguage);
  if (failures.length > 0) {
    process.stdout.write(`Eval gate FAILED:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('Eval gate passed: every floor in eval/thresholds.json is met.\n');
  }
}
