/**
 * npm run bench [-- --big-limit N] [--skip-big]
 *
 * Measures, on this machine: index build time, cold start (load from cache),
 * per-answer latency p50/p95/p99 and peak memory on the labor corpus; the
 * same retrieval costs on the full PRC law corpus (../shared/bench, skipped
 * with a message if absent); and MiniSearch (default settings, our
 * tokenizer) as the baseline, on the same eval questions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import type { Jurisdiction, KnowledgeBase, Passage, Retriever } from '../src/core/types.js';
import { createBot } from '../src/create-bot.js';
import { loadKnowledge } from '../src/ingest/load-knowledge.js';
import { parseZhStatute } from '../src/ingest/parse-zh-statute.js';
import { createViTokenizer, createZhTokenizer, indexText, loadOrBuildRetriever } from '../src/retrieval/index.js';
import { createGoldResolver } from './lib/gold-matcher.js';
import { loadCases } from './lib/load-cases.js';
import { percentile } from './metrics/summarize.js';

const { values } = parseArgs({ options: { 'big-limit': { type: 'string' }, 'skip-big': { type: 'boolean', default: false } } });
const BIG_TARBALL = join('..', 'shared', 'bench', 'zh-all-laws.tar.gz');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => Math.round(bytes / 1048576);
const ms = (t0: number) => Math.round(performance.now() - t0);

interface Question {
  text: string;
  jurisdiction: Jurisdiction;
  lang: string;
  gold: string[];
}

async function evalQuestions(kb: KnowledgeBase): Promise<Question[]> {
  const resolve = createGoldResolver(kb.documents);
  const ids = new Set(kb.passages.map((p) => p.id));
  return readdirSync('eval/datasets')
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => loadCases(join('eval/datasets', f)))
    .map((c) => ({
      text: c.question,
      lang: c.lang,
      jurisdiction: (c.lang === 'vi' ? 'VN' : 'CN') as Jurisdiction,
      gold: c.gold_refs
        .filter((g) => g.in_corpus !== false && g.stale !== true)
        .map((g) => `${resolve(g)}#${g.article}`)
        .filter((id) => ids.has(id)),
    }));
}

async function timeQueries(run: (q: Question) => Promise<string[]>, questions: readonly Question[]) {
  const latencies: number[] = [];
  const hits: Record<string, { n: number; hit: number }> = {};
  for (const q of questions) {
    const t0 = performance.now();
    const ids = await run(q);
    latencies.push(performance.now() - t0);
    if (q.gold.length === 0) continue;
    const bucket = (hits[q.lang] ??= { n: 0, hit: 0 });
    bucket.n += 1;
    if (ids.slice(0, 5).some((id) => q.gold.includes(id))) bucket.hit += 1;
  }
  const recallAt5 = Object.fromEntries(Object.entries(hits).map(([lang, h]) => [lang, Number((h.hit / h.n).toFixed(3))]));
  const r = (p: number) => Number((percentile(latencies, p) ?? 0).toFixed(2));
  return { queries: questions.length, p50: r(50), p95: r(95), p99: r(99), recallAt5 };
}

function miniSearchBaseline(kb: KnowledgeBase, knowledgeDir: string) {
  const zh = createZhTokenizer(knowledgeDir);
  const vi = createViTokenizer(knowledgeDir);
  const build = (j: Jurisdiction, tokenize: (t: string) => string[], tokenizeQuery: (t: string) => string[]) => {
    const passages = kb.passages.filter((p) => p.jurisdiction === j);
    const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize, searchOptions: { tokenize: tokenizeQuery } });
    ms.addAll(passages.map((p, id) => ({ id, text: indexText(p) })));
    return { ms, passages };
  };
  const t0 = performance.now();
  const indexes = {
    CN: build('CN', (t) => zh.tokenizeDocument(t), (t) => zh.tokenizeQuery(t)),
    VN: build('VN', (t) => vi.tokenizeDocument(t), (t) => vi.tokenizeQuery(t)),
  };
  const buildMs = ms(t0);
  return {
    buildMs,
    search: async (q: Question) => {
      const { ms: index, passages } = indexes[q.jurisdiction];
      return index.search(q.text).slice(0, 10).map((r) => passages[r.id as number]!.id);
    },
  };
}

function loadBigCorpus(limit: number): KnowledgeBase | undefined {
  if (!existsSync(BIG_TARBALL)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'zh-all-laws-'));
  execFileSync('tar', ['-xzf', BIG_TARBALL, '-C', dir]);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md') && name !== '_index.md') files.push(path);
    }
  };
  walk(dir);
  const passages: Passage[] = [];
  for (const [i, file] of files.slice(0, limit).entries()) {
    const parsed = parseZhStatute(readFileSync(file, 'utf8'));
    const law = basename(file, '.md').replace(/\(.*\)$/, '');
    const docId = `cn/big-${i}`;
    for (const a of parsed.articles) {
      passages.push({ id: `${docId}#${a.article}`, docId, kind: 'article', jurisdiction: 'CN', language: 'zh', law, title: parsed.title || law, article: a.article, headings: a.headings, text: a.text, clauses: a.clauses, inForce: true });
    }
  }
  return { documents: [], passages, contentHash: `big-${files.length}-${passages.length}` };
}

async function benchRetriever(label: string, kb: KnowledgeBase, questions: readonly Question[]) {
  const cacheDir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  const built = await loadOrBuildRetriever({ kb, cacheDir });
  const buildMs = ms(t0);
  t0 = performance.now();
  const loaded: Retriever = await loadOrBuildRetriever({ kb, cacheDir });
  const loadMs = ms(t0);
  void built;
  const queries = await timeQueries(async (q) => (await loaded.retrieve({ text: q.text, jurisdiction: q.jurisdiction, k: 10 })).map((h) => h.passage.id), questions);
  return { passages: kb.passages.length, buildMs, loadFromCacheMs: loadMs, rssGrowthMb: mb(process.memoryUsage().rss - rssBefore), retrieval: queries };
}

const report: Record<string, unknown> = { createdAt: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };

// 1. Labor corpus: the product as a worker uses it.
const knowledgeDir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
const kb = await loadKnowledge(knowledgeDir);
const questions = await evalQuestions(kb);
const labor = await benchRetriever('labor', kb, questions);
const coldCache = mkdtempSync(join(tmpdir(), 'bench-cold-'));
let t0 = performance.now();
await createBot({ env: { ...process.env, INDEX_CACHE_DIR: coldCache, LOG_LEVEL: 'error' } });
const coldBuildMs = ms(t0);
t0 = performance.now();
const bot = await createBot({ env: { ...process.env, INDEX_CACHE_DIR: coldCache, LOG_LEVEL: 'error' } });
const coldStartMs = ms(t0);
const answers = await timeQueries(async (q) => {
  await bot.engine.ask({ text: q.text });
  return [];
}, questions);
report.labor = { ...labor, botFirstStartMs: coldBuildMs, botStartFromCacheMs: coldStartMs, answer: { p50: answers.p50, p95: answers.p95, p99: answers.p99, queries: answers.queries } };

// 2. Baseline on the same questions.
const mini = miniSearchBaseline(kb, knowledgeDir);
report.miniSearch = { buildMs: mini.buildMs, retrieval: await timeQueries(mini.search, questions) };

// 3. Scaling: the full PRC law corpus, CN questions only.
if (values['skip-big']) {
  report.bigCorpus = 'skipped (--skip-big)';
} else {
  const big = loadBigCorpus(values['big-limit'] ? Number(values['big-limit']) : Infinity);
  if (!big) report.bigCorpus = `skipped: ${BIG_TARBALL} not found`;
  else {
    // Gold ids do not exist in the big corpus (different doc ids): latency and cost only.
    const cnQuestions = questions.filter((q) => q.jurisdiction === 'CN').map((q) => ({ ...q, gold: [] }));
    report.bigCorpus = await benchRetriever('big', big, cnQuestions);
  }
}
clearInterval(sampler);
report.peakRssMb = mb(peakRss);

mkdirSync('eval/reports', { recursive: true });
writeFileSync('eval/reports/bench-latest.json', JSON.stringify(report, null, 2));
const l = report.labor as typeof labor & { answer: { p50: number; p95: number; p99: number }; botFirstStartMs: number; botStartFromCacheMs: number };
const m = report.miniSearch as { buildMs: number; retrieval: Awaited<ReturnType<typeof timeQueries>> };
const lines = [
  `Labor corpus: ${l.passages} passages`,
  `  index build ${l.buildMs} ms, load from cache ${l.loadFromCacheMs} ms; bot first start ${l.botFirstStartMs} ms, start from cache ${l.botStartFromCacheMs} ms`,
  `  retrieval p50/p95/p99 ${l.retrieval.p50}/${l.retrieval.p95}/${l.retrieval.p99} ms; full answer p50/p95/p99 ${l.answer.p50}/${l.answer.p95}/${l.answer.p99} ms (${l.retrieval.queries} questions)`,
  `  Recall@5 hybrid ${JSON.stringify(l.retrieval.recallAt5)}`,
  `  Recall@5 MiniSearch ${JSON.stringify(m.retrieval.recallAt5)}; MiniSearch build ${m.buildMs} ms, p50/p95 ${m.retrieval.p50}/${m.retrieval.p95} ms`,
  typeof report.bigCorpus === 'string'
    ? `Full PRC corpus: ${report.bigCorpus}`
    : (() => {
        const b = report.bigCorpus as typeof labor;
        return `Full PRC corpus: ${b.passages} passages; build ${b.buildMs} ms, load ${b.loadFromCacheMs} ms, retrieval p50/p95/p99 ${b.retrieval.p50}/${b.retrieval.p95}/${b.retrieval.p99} ms, RSS growth ${b.rssGrowthMb} MB`;
      })(),
  `Peak RSS ${report.peakRssMb} MB. Report: eval/reports/bench-latest.json`,
];
process.stdout.write(`${lines.join('\n')}\n`);
