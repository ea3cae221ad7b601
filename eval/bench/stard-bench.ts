import { loadDictionaries } from '../../src/knowledge/load-dict.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../src/core/types.js';
import { Bm25Index, createZhTokenizer, loadOrBuildRetriever, type HybridWeights } from '../../src/retrieval/index.js';
import { readEncodedTokens } from '../../src/retrieval/lexical/encoded-tokens-file.js';
import { createArticleTerms } from '../../src/retrieval/expansion/article-terms.js';
import { percentile } from '../metrics/summarize.js';
import type { MemorySampler } from './memory-sampler.js';
import { createMiniSearchBaseline } from './minisearch-baseline.js';
import type { Split } from './split.js';
import { scoreRanking, type RankedQuestion, type RankingStats } from './stard.js';

/** A retriever's top 100 CN passage ids for a question: the ranking each of our rows is scored on. */
const rankedIds =
  (retriever: Awaited<ReturnType<typeof loadOrBuildRetriever>>) =>
  async (text: string): Promise<string[]> =>
    (await retriever.retrieve({ text, jurisdiction: 'CN', k: 100 })).map((h) => h.passage.id);

export type ReportSplit = 'test' | 'test-seen' | 'test-unseen' | 'train' | 'all';

/** One engine's figures on one question set, per split. */
export interface EngineResult {
  readonly engine: string;
  /** test-seen / test-unseen: test questions with / without a gold article that also answers a train question. */
  readonly bySplit: Readonly<Record<ReportSplit, RankingStats>>;
}

export interface CorpusResult {
  readonly corpus: string;
  readonly passages: number;
  readonly questions: Readonly<Record<Split, number>>;
  readonly buildMs: number;
  readonly loadMs: number;
  readonly peakRssMb: number;
  readonly engines: readonly EngineResult[];
}

/** The ablation: each part of our retriever switched off alone (weights as in DEFAULT_WEIGHTS otherwise). */
export const ABLATIONS: readonly { readonly name: string; readonly weights: Partial<HybridWeights> }[] = [
  { name: 'ours - learned expansion', weights: { learned: 0 } },
  { name: 'ours + feedback (0.2, off by default)', weights: { feedback: 0.2 } },
  { name: 'ours - hand expansions', weights: { expansion: 0 } },
  { name: 'ours - vectors', weights: { vector: 0 } },
  { name: 'ours - learned - hand expansions', weights: { learned: 0, expansion: 0 } },
];

async function bySplit(
  questions: readonly (RankedQuestion & { split: Split })[],
  search: (text: string) => Promise<readonly string[]> | readonly string[],
): Promise<Record<ReportSplit, RankingStats>> {
  const pick = (s: Split) => questions.filter((q) => q.split === s);
  const trainGold = new Set(pick('train').flatMap((q) => [...q.gold]));
  const seen = (q: RankedQuestion) => [...q.gold].some((id) => trainGold.has(id));
  // Search each question once (timed); every subset is scored from the same result lists.
  const lists = new Map<string, readonly string[]>();
  const latencies: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    lists.set(q.text, await search(q.text));
    latencies.push(performance.now() - t0);
  }
  const ms = (p: number) => Number((percentile(latencies, p) ?? 0).toFixed(2));
  const score = async (subset: readonly RankedQuestion[]) => ({
    ...(await scoreRanking(subset, (text) => lists.get(text)!)),
    p50Ms: ms(50),
    p95Ms: ms(95),
  });
  return {
    test: await score(pick('test')),
    'test-seen': await score(pick('test').filter(seen)),
    'test-unseen': await score(pick('test').filter((q) => !seen(q))),
    train: await score(pick('train')),
    all: await score(questions),
  };
}

/**
 * Runs our retriever (build into a temporary cache, then load from it),
 * its ablations, plain BM25 over the very same tokens, and MiniSearch with
 * the same tokenizer, on one corpus and one question set (top 100 each).
 */
export async function benchStardCorpus(options: {
  readonly corpus: string;
  readonly kb: KnowledgeBase;
  readonly knowledgeDir: string;
  readonly questions: readonly (RankedQuestion & { split: Split })[];
  readonly memory: MemorySampler;
  readonly miniSearch: boolean;
  readonly ablations: boolean;
  readonly weights?: Partial<HybridWeights>;
  readonly log: (line: string) => void;
}): Promise<CorpusResult> {
  const { kb, knowledgeDir, questions, log } = options;
  const cacheDir = mkdtempSync(join(tmpdir(), 'stard-index-'));
  const engines: EngineResult[] = [];
  const cleanup = [cacheDir];
  try {
    const { value, peak } = await options.memory.phase(async () => {
      let t0 = performance.now();
      await loadOrBuildRetriever({
        kb,
        knowledgeDir,
        cacheDir,
        ...(options.weights ? { weights: options.weights } : {}),
      });
      const buildMs = Math.round(performance.now() - t0);
      t0 = performance.now();
      const ours = await loadOrBuildRetriever({
        kb,
        knowledgeDir,
        cacheDir,
        ...(options.weights ? { weights: options.weights } : {}),
      });
      const loadMs = Math.round(performance.now() - t0);
      log(`${options.corpus}: built in ${buildMs} ms, loaded in ${loadMs} ms; ranking ${questions.length} questions`);
      engines.push({ engine: 'ours', bySplit: await bySplit(questions, rankedIds(ours)) });
      return { buildMs, loadMs };
    });
    if (options.ablations) {
      for (const ablation of ABLATIONS) {
        const r = await loadOrBuildRetriever({
          kb,
          knowledgeDir,
          cacheDir,
          weights: { ...options.weights, ...ablation.weights },
        });
        engines.push({ engine: ablation.name, bySplit: await bySplit(questions, rankedIds(r)) });
      }
    }
    // A second index without the learned article vocabulary: its own ablation row, and the plain
    // BM25 baseline over exactly the tokenizer's index terms (read back from that cache), question terms all weight 1.
    const plainDir = mkdtempSync(join(tmpdir(), 'stard-plain-'));
    cleanup.push(plainDir);
    const noArticles = await loadOrBuildRetriever({
      kb,
      knowledgeDir,
      cacheDir: plainDir,
      articleTerms: createArticleTerms(undefined),
      ...(options.weights ? { weights: options.weights } : {}),
    });
    if (options.ablations)
      engines.push({
        engine: 'ours - learned article vocabulary',
        bySplit: await bySplit(questions, rankedIds(noArticles)),
      });
    const bm25 = new Bm25Index(readEncodedTokens(plainDir));
    const zh = createZhTokenizer(loadDictionaries(knowledgeDir));
    const cn = (doc: number) => kb.passages[doc]!.jurisdiction === 'CN';
    engines.push({
      engine: 'BM25 (same tokens)',
      bySplit: await bySplit(questions, (text) =>
        bm25
          .search(
            zh.tokenizeQuery(text).map((term) => ({ term, weight: 1 })),
            100,
            cn,
          )
          .map((h) => kb.passages[h.doc]!.id),
      ),
    });
    if (options.miniSearch) {
      log(`${options.corpus}: MiniSearch`);
      const mini = createMiniSearchBaseline(kb, knowledgeDir);
      engines.push({
        engine: 'MiniSearch (same tokenizer)',
        bySplit: await bySplit(questions, (text) =>
          mini.search({ text, lang: 'zh-Hans', jurisdiction: 'CN', gold: [] }),
        ),
      });
    }
    const count = (s: Split) => questions.filter((q) => q.split === s).length;
    return {
      corpus: options.corpus,
      passages: kb.passages.length,
      questions: { test: count('test'), train: count('train') },
      ...value,
      peakRssMb: peak.rssMb,
      engines,
    };
  } finally {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
}

/** Markdown-ish table of one corpus result for one split. */
export function stardTable(result: CorpusResult, split: ReportSplit): string {
  const header = ['engine', 'n', 'R@1', 'R@5', 'R@10', 'R@100', 'MRR@10', 'p50 ms', 'p95 ms'];
  const rows = result.engines.map((e) => {
    const s = e.bySplit[split];
    return [
      e.engine,
      String(s.n),
      ...[s.recallAt1, s.recallAt5, s.recallAt10, s.recallAt100, s.mrrAt10].map((x) => x.toFixed(3)),
      s.p50Ms.toFixed(1),
      s.p95Ms.toFixed(1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `${result.corpus}, split ${split}`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
