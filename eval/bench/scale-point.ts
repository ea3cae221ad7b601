/**
 * One point of the scale curve, run in its own process so memory figures are
 * its own: `tsx eval/bench/scale-point.ts build|serve DIR ARTICLES CACHE [STARD]`.
 * build: index the first ARTICLES articles of the unpacked corpus into CACHE;
 * serve: load from CACHE and time the STARD questions. Prints one JSON line.
 */
import { existsSync } from 'node:fs';
import { loadOrBuildRetriever } from '../../src/retrieval/index.js';
import { loadZhCorpusDir } from './big-corpus.js';
import { MemorySampler } from './memory-sampler.js';
import { percentile } from '../metrics/summarize.js';
import { loadStard } from './stard.js';

const [mode, dir, articles, cacheDir, stardFile] = process.argv.slice(2);
if ((mode !== 'build' && mode !== 'serve') || !dir || !articles || !cacheDir)
  throw new Error('usage: scale-point.ts build|serve DIR ARTICLES CACHE [STARD]');
const full = loadZhCorpusDir(dir);
const passages = full.passages.slice(0, Number(articles));
const docIds = new Set(passages.map((p) => p.docId));
const kb = {
  documents: full.documents.filter((d) => docIds.has(d.docId)),
  passages,
  contentHash: `${full.contentHash}-first-${passages.length}`,
};
const baseRss = process.memoryUsage().rss;
const memory = new MemorySampler(10);
memory.start();
const t0 = performance.now();
const retriever = await loadOrBuildRetriever({ kb, knowledgeDir: 'knowledge', cacheDir });
const ms = Math.round(performance.now() - t0);
const out: Record<string, number | string> = {
  mode,
  articles: passages.length,
  ms,
  baseRssMb: Math.round(baseRss / 1048576),
};
if (mode === 'serve' && stardFile && existsSync(stardFile)) {
  const latencies: number[] = [];
  for (const q of loadStard(stardFile)) {
    const t = performance.now();
    await retriever.retrieve({ text: q.question, jurisdiction: 'CN', k: 10 });
    latencies.push(performance.now() - t);
  }
  out.queries = latencies.length;
  out.p50Ms = Number((percentile(latencies, 50) ?? 0).toFixed(2));
  out.p95Ms = Number((percentile(latencies, 95) ?? 0).toFixed(2));
  out.p99Ms = Number((percentile(latencies, 99) ?? 0).toFixed(2));
}
const peak = memory.stop();
out.peakRssMb = peak.rssMb;
out.rssMb = Math.round(process.memoryUsage().rss / 1048576);
out.retriever = retriever.name;
process.stdout.write(`${JSON.stringify(out)}\n`);
