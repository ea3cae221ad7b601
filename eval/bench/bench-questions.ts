import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Jurisdiction, KnowledgeBase } from '../../src/core/types.js';
import { createLawResolver } from '../lib/gold-matcher.js';
import { loadCases } from '../lib/load-cases.js';
import { percentile } from '../metrics/summarize.js';

/** An eval question with its gold passage ids in one particular knowledge base. */
export interface BenchQuestion {
  readonly text: string;
  readonly lang: string;
  readonly jurisdiction: Jurisdiction;
  /** Gold passage ids in this knowledge base; empty = latency only. */
  readonly gold: readonly string[];
}

/** All eval questions; gold refs that count (in corpus, not stale) are resolved against `kb`. */
export function benchQuestions(datasetsDir: string, kb: KnowledgeBase): BenchQuestion[] {
  const resolve = createLawResolver(kb.documents);
  const ids = new Set(kb.passages.map((p) => p.id));
  return readdirSync(datasetsDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => loadCases(join(datasetsDir, f)))
    .map((c) => ({
      text: c.question,
      lang: c.lang,
      jurisdiction: c.lang === 'vi' ? 'VN' : 'CN',
      gold: c.gold_refs
        .filter((g) => g.in_corpus !== false && g.stale !== true)
        .flatMap((g) => {
          const doc = resolve(g);
          return doc && ids.has(`${doc}#${g.article}`) ? [`${doc}#${g.article}`] : [];
        }),
    }));
}

/** Latency percentiles and Recall@5 per language of one search function. */
export interface QueryStats {
  readonly queries: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Per language: share of questions with gold whose gold is in the first 5 hits. */
  readonly recallAt5: Readonly<Record<string, number>>;
  /** Questions with gold, per language. */
  readonly withGold: Readonly<Record<string, number>>;
}

/** Runs every question once, timing each call and scoring the first five ids. */
export async function timeQueries(
  search: (q: BenchQuestion) => Promise<readonly string[]>,
  questions: readonly BenchQuestion[],
): Promise<QueryStats> {
  const latencies: number[] = [];
  const hits: Record<string, { n: number; hit: number }> = {};
  for (const q of questions) {
    const t0 = performance.now();
    const ids = await search(q);
    latencies.push(performance.now() - t0);
    if (q.gold.length === 0) continue;
    const bucket = (hits[q.lang] ??= { n: 0, hit: 0 });
    bucket.n += 1;
    if (ids.slice(0, 5).some((id) => q.gold.includes(id))) bucket.hit += 1;
  }
  const r = (p: number) => Number((percentile(latencies, p) ?? 0).toFixed(2));
  const langs = Object.keys(hits).sort();
  return {
    queries: questions.length,
    p50: r(50),
    p95: r(95),
    p99: r(99),
    recallAt5: Object.fromEntries(langs.map((l) => [l, Number((hits[l]!.hit / hits[l]!.n).toFixed(3))])),
    withGold: Object.fromEntries(langs.map((l) => [l, hits[l]!.n])),
  };
}
