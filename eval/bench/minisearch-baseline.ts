import { loadDictionaries } from '../../src/knowledge/load-dict.js';
import MiniSearch from 'minisearch';
import type { Jurisdiction, KnowledgeBase, Passage } from '../../src/core/types.js';
import { createViTokenizer, createZhTokenizer, indexText } from '../../src/retrieval/index.js';
import type { BenchQuestion } from './bench-questions.js';

/** MiniSearch with default settings and our tokenizers, one index per jurisdiction. */
export interface MiniSearchBaseline {
  readonly buildMs: number;
  search(q: BenchQuestion): Promise<string[]>;
}

/**
 * Builds the baseline: MiniSearch's default BM25 scoring and options; only
 * `tokenize` is ours (jieba for Chinese, syllables for Vietnamese, the same
 * index text as our retriever), so the comparison isolates ranking.
 */
export function createMiniSearchBaseline(kb: KnowledgeBase, knowledgeDir: string): MiniSearchBaseline {
  const dict = loadDictionaries(knowledgeDir);
  const zh = createZhTokenizer(dict);
  const vi = createViTokenizer(dict);
  const build = (j: Jurisdiction, tokenize: (t: string) => string[], tokenizeQuery: (t: string) => string[]) => {
    const passages: Passage[] = kb.passages.filter((p) => p.jurisdiction === j);
    const index = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      tokenize,
      searchOptions: { tokenize: tokenizeQuery },
    });
    index.addAll(passages.map((p, id) => ({ id, text: indexText(p) })));
    return { index, passages };
  };
  const t0 = performance.now();
  const indexes = {
    CN: build(
      'CN',
      (t) => zh.tokenizeDocument(t),
      (t) => zh.tokenizeQuery(t),
    ),
    VN: build(
      'VN',
      (t) => vi.tokenizeDocument(t),
      (t) => vi.tokenizeQuery(t),
    ),
  };
  const buildMs = Math.round(performance.now() - t0);
  return {
    buildMs,
    search: async (q) => {
      const { index, passages } = indexes[q.jurisdiction];
      return index
        .search(q.text)
        .slice(0, 100)
        .map((r) => passages[r.id as number]!.id);
    },
  };
}
