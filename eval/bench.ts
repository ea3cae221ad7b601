/**
 * npm run bench [-- --big-limit N] [--skip-big] [--skip-big-baseline]
 * npm run bench -- --stard [--shared DIR (default ../shared)] [--corpus-dir DIR]
 *   [--no-minisearch] [--no-minisearch-full] [--no-ablations] [--stard-labor-only]
 *   [--curve 2000,8000,32000,64612 | --curve '']
 *   (STARD statute retrieval on the full PRC corpus and the labor subset; see
 *   docs/retrieval.md and eval/bench/stard-run.ts)
 *
 * Measures on this machine, in one run:
 * - labor corpus (knowledge/): index build from scratch into a temporary
 *   cache, load from that cache, bot first start and start from cache,
 *   retrieval and full-answer latency p50/p95/p99 over the eval questions,
 *   Recall@5, peak RSS and heapUsed;
 * - the full PRC law corpus (../shared/bench/zh-all-laws.tar.gz, unpacked to
 *   a temporary folder; skipped with a message if absent): the same costs, to
 *   show how they grow, on the Chinese eval questions;
 * - MiniSearch (default settings, our tokenizers) on the same questions.
 * Writes eval/reports/bench-latest.json and prints a table.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KnowledgeBase } from '../src/core/types.js';
import { loadConfig } from '../src/config/load-config.js';
import { createBot } from '../src/create-bot.js';
import { loadKnowledge } from '../src/ingest/load-knowledge.js';
import { loadOrBuildRetriever } from '../src/retrieval/index.js';
import { loadZhCorpusDir, unpackTarball } from './bench/big-corpus.js';
import { benchQuestions, timeQueries, type BenchQuestion, type QueryStats } from './bench/bench-questions.js';
import { MemorySampler, type MemoryPeak } from './bench/memory-sampler.js';
import { createMiniSearchBaseline } from './bench/minisearch-baseline.js';
import { runStard } from './bench/stard-run.js';

const { values } = parseArgs({
  options: {
    'big-limit': { type: 'string' },
    'skip-big': { type: 'boolean', default: false },
    'skip-big-baseline': { type: 'boolean', default: false },
    stard: { type: 'boolean', default: false },
    shared: { type: 'string', default: join('..', 'shared') },
    'corpus-dir': { type: 'string' },
    'no-minisearch': { type: 'boolean', default: false },
    'no-minisearch-full': { type: 'boolean', default: false },
    'no-ablations': { type: 'boolean', default: false },
    'stard-labor-only': { type: 'boolean', default: false },
    curve: { type: 'string', default: '2000,8000,32000,64612' },
  },
});
const BIG_TARBALL = join(values.shared, 'bench', 'zh-all-laws.tar.gz');
const DATASETS = 'eval/datasets';
const config = loadConfig(process.env);
const knowledgeDir = config.app.KNOWLEDGE_DIR;
const bigLimit = values['big-limit'] === undefined ? Infinity : Number(values['big-limit']);

const memory = new MemorySampler();
memory.start();
const since = (t0: number) => Math.round(performance.now() - t0);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

if (values.stard) {
  const out = await runStard({
    tarball: BIG_TARBALL,
    stardFile: join(values.shared, 'bench', 'stard', 'queries.jsonl'),
    corpusDir: values['corpus-dir'],
    knowledgeDir,
    memory,
    miniSearch: !values['no-minisearch'],
    miniSearchFull: !values['no-minisearch-full'],
    ablations: !values['no-ablations'],
    skipFull: values['stard-labor-only'],
    curve: values.curve.split(',').filter(Boolean).map(Number),
    log,
  });
  process.stdout.write(`${out}\n`);
  memory.stop();
  process.exit(0);
}

/** One row of the results table. */
interface Row {
  readonly name: string;
  readonly passages: number;
  readonly buildMs: number;
  readonly loadMs?: number;
  readonly retrieval: QueryStats;
  readonly peak: MemoryPeak;
}

/** Builds our retriever from scratch into a temporary cache, loads it back from that cache, and times the questions. */
async function benchRetriever(
  name: string,
  kb: KnowledgeBase,
  questions: readonly BenchQuestion[],
): Promise<Row & { rssGrowthMb: number }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-index-'));
  const rssBefore = process.memoryUsage().rss;
  try {
    const { value, peak } = await memory.phase(async () => {
      let t0 = performance.now();
      await loadOrBuildRetriever({ kb, knowledgeDir, cacheDir });
      const buildMs = since(t0);
      t0 = performance.now();
      const retriever = await loadOrBuildRetriever({ kb, knowledgeDir, cacheDir });
      const loadMs = since(t0);
      const retrieval = await timeQueries(
        async (q) =>
          (await retriever.retrieve({ text: q.text, jurisdiction: q.jurisdiction, k: 10 })).map((h) => h.passage.id),
        questions,
      );
      return { buildMs, loadMs, retrieval };
    });
    return {
      name,
      passages: kb.passages.length,
      ...value,
      peak,
      rssGrowthMb: Math.round((process.memoryUsage().rss - rssBefore) / 1048576),
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function benchMiniSearch(name: string, kb: KnowledgeBase, questions: readonly BenchQuestion[]): Promise<Row> {
  const { value, peak } = await memory.phase(async () => {
    const baseline = createMiniSearchBaseline(kb, knowledgeDir);
    return { buildMs: baseline.buildMs, retrieval: await timeQueries((q) => baseline.search(q), questions) };
  });
  return { name, passages: kb.passages.length, ...value, peak };
}

/** The whole bot as a worker meets it: first start (builds the index), start from cache, full answers. */
async function benchBot(questions: readonly BenchQuestion[]) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-bot-'));
  const botConfig = { ...config, app: { ...config.app, INDEX_CACHE_DIR: cacheDir, LOG_LEVEL: 'error' as const } };
  try {
    let t0 = performance.now();
    await createBot({ config: botConfig });
    const firstStartMs = since(t0);
    t0 = performance.now();
    const bot = await createBot({ config: botConfig });
    const startFromCacheMs = since(t0);
    const answers = await timeQueries(async (q) => {
      await bot.engine.ask({ text: q.text });
      return [];
    }, questions);
    return {
      firstStartMs,
      startFromCacheMs,
      answer: { queries: answers.queries, p50: answers.p50, p95: answers.p95, p99: answers.p99 },
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const report: Record<string, unknown> = {
  createdAt: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
};
const rows: Row[] = [];

// 1. Labor corpus: the product as a worker uses it.
const kb = await loadKnowledge(knowledgeDir);
const questions = benchQuestions(DATASETS, kb);
log(`labor corpus: ${kb.passages.length} passages, ${questions.length} questions`);
const labor = await benchRetriever('labor / hybrid', kb, questions);
rows.push(labor);
const bot = await benchBot(questions);
const laborMini = await benchMiniSearch('labor / MiniSearch', kb, questions);
rows.push(laborMini);
report.labor = { ...labor, bot };
report.miniSearch = laborMini;

// 2. Scaling: the full PRC law corpus, Chinese questions (gold re-resolved against its documents).
if (values['skip-big']) report.bigCorpus = 'skipped (--skip-big)';
else if (!existsSync(BIG_TARBALL)) report.bigCorpus = `skipped: ${BIG_TARBALL} not found`;
else {
  let t0 = performance.now();
  const dir = unpackTarball(BIG_TARBALL);
  const unpackMs = since(t0);
  try {
    t0 = performance.now();
    const big = loadZhCorpusDir(dir, bigLimit);
    const parseMs = since(t0);
    const bigQuestions = benchQuestions(DATASETS, big).filter((q) => q.jurisdiction === 'CN');
    log(
      `full PRC corpus: ${big.files} files, ${big.documents.length} with articles, ` +
        `${big.passages.length} passages; building...`,
    );
    const hybrid = await benchRetriever('PRC-all / hybrid', big, bigQuestions);
    rows.push(hybrid);
    const mini = values['skip-big-baseline']
      ? undefined
      : await benchMiniSearch('PRC-all / MiniSearch', big, bigQuestions);
    if (mini) rows.push(mini);
    report.bigCorpus = {
      files: big.files,
      documents: big.documents.length,
      passages: big.passages.length,
      unpackMs,
      parseMs,
      hybrid,
      ...(mini ? { miniSearch: mini } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
report.peak = memory.stop();

mkdirSync('eval/reports', { recursive: true });
writeFileSync('eval/reports/bench-latest.json', JSON.stringify(report, null, 2));

const langs = ['zh-Hans', 'zh-Hant', 'vi'];
const header = [
  'corpus / engine',
  'passages',
  'build ms',
  'load ms',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  ...langs.map((l) => `R@5 ${l}`),
  'peak RSS MB',
  'peak heap MB',
];
const body = rows.map((r) => [
  r.name,
  String(r.passages),
  String(r.buildMs),
  r.loadMs === undefined ? '-' : String(r.loadMs),
  r.retrieval.p50.toFixed(2),
  r.retrieval.p95.toFixed(2),
  r.retrieval.p99.toFixed(2),
  ...langs.map((l) =>
    r.retrieval.recallAt5[l] === undefined
      ? '-'
      : `${r.retrieval.recallAt5[l]!.toFixed(2)} (${r.retrieval.withGold[l]})`,
  ),
  String(r.peak.rssMb),
  String(r.peak.heapUsedMb),
]);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
const peak = report.peak as MemoryPeak;
process.stdout.write(
  [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    `Bot: first start ${bot.firstStartMs} ms (builds the index), start from cache ${bot.startFromCacheMs} ms; ` +
      `full answer p50/p95/p99 ${bot.answer.p50}/${bot.answer.p95}/${bot.answer.p99} ms ` +
      `over ${bot.answer.queries} questions`,
    typeof report.bigCorpus === 'string'
      ? `Full PRC corpus: ${report.bigCorpus}`
      : 'Full PRC corpus: R@5 counts only gold laws found among its documents ' +
        '(number in brackets = questions with gold).',
    `Peak over the run: RSS ${peak.rssMb} MB, heapUsed ${peak.heapUsedMb} MB ` +
      `(${report.cpus} CPUs, Node ${report.node}). Report: eval/reports/bench-latest.json`,
  ].join('\n') + '\n',
);
