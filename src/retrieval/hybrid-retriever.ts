import type { DocLanguage, Jurisdiction, Passage, Retriever, RetrievalQuery, ScoredPassage } from '../core/types.js';
import type { ArticleReference } from '../citations/parse-references.js';
import type { Embedder } from './embedders/types.js';
import type { QueryExpander } from './expansion/query-expander.js';
import type { Bm25Index, WeightedTerm } from './lexical/bm25-index.js';
import type { Tokenizer } from './tokenize/tokenizer.js';
import type { HnswVectorIndex } from './vector/hnsw-vector-index.js';

/** Fusion settings. */
export interface HybridWeights {
  /** Weight of the BM25 list in reciprocal-rank fusion. @default 1 */
  readonly lexical: number;
  /** Weight of the vector list. @default 0.25 */
  readonly vector: number;
  /** Weight of expansion terms relative to the worker's own words. @default 0.5 */
  readonly expansion: number;
  /** RRF rank constant. @default 30 */
  readonly rrfK: number;
  /** Weight of Chinese character-bigram terms relative to jieba words (bigrams are a robustness backup). @default 0.5 */
  readonly bigram: number;
}

export const DEFAULT_WEIGHTS: HybridWeights = { lexical: 1, vector: 0.25, expansion: 0.5, rrfK: 30, bigram: 0.5 };

export interface HybridRetrieverParts {
  readonly passages: readonly Passage[];
  readonly tokenizers: Readonly<Record<DocLanguage, Tokenizer>>;
  readonly expander: QueryExpander;
  readonly bm25: Bm25Index;
  readonly vectors: Readonly<Record<Jurisdiction, HnswVectorIndex>>;
  readonly embedder: Embedder;
  readonly findReferences: (text: string) => ArticleReference[];
  readonly weights?: Partial<HybridWeights>;
}

const CANDIDATES = 60;

/**
 * Hybrid retrieval: BM25 over jieba / syllable tokens (plus expansion terms)
 * and dense vectors in hnswlib, fused by reciprocal rank. An article the
 * question names is put first; articles of documents out of force go below
 * every in-force one.
 *
 * Confidence of a hit = the share of the question's idf-weighted terms that
 * the passage contains (BM25 coverage), raised a little when the vector list
 * agrees (it ranks the passage in its top 10), and 1 for a named article.
 */
export function createHybridRetriever(parts: HybridRetrieverParts): Retriever {
  const weights = { ...DEFAULT_WEIGHTS, ...parts.weights };
  const byId = new Map(parts.passages.map((p, i) => [p.id, i]));

  return {
    name: `hybrid(bm25+${parts.embedder.name})`,
    async retrieve(query: RetrievalQuery): Promise<ScoredPassage[]> {
      const k = query.k ?? 10;
      const language: DocLanguage = query.jurisdiction === 'CN' ? 'zh' : 'vi';
      const tokenizer = parts.tokenizers[language];
      const expansion = parts.expander.expand(query.text, language);
      const weigh = (term: string, base: number) => ({ term, weight: term.startsWith('#') ? base * weights.bigram : base });
      const terms: WeightedTerm[] = tokenizer.tokenizeQuery(query.text).map((term) => weigh(term, 1));
      for (const phrase of expansion) {
        for (const term of tokenizer.tokenizeQuery(phrase)) terms.push(weigh(term, weights.expansion));
      }
      const inJurisdiction = (doc: number) => parts.passages[doc]!.jurisdiction === query.jurisdiction;
      const lexical = parts.bm25.search(terms, CANDIDATES, inJurisdiction);
      const queryVector = await parts.embedder.embedQuery([query.text, ...expansion].join(' '));
      const dense = parts.vectors[query.jurisdiction].search(queryVector, CANDIDATES);

      const fused = new Map<number, { score: number; coverage: number; vectorRank: number }>();
      lexical.forEach((hit, rank) => {
        fused.set(hit.doc, { score: weights.lexical / (weights.rrfK + rank + 1), coverage: hit.coverage, vectorRank: Infinity });
      });
      dense.forEach((hit, rank) => {
        const entry = fused.get(hit.item) ?? { score: 0, coverage: 0, vectorRank: Infinity };
        entry.score += weights.vector / (weights.rrfK + rank + 1);
        entry.vectorRank = rank;
        fused.set(hit.item, entry);
      });

      const named = new Set<number>();
      for (const ref of parts.findReferences(query.text)) {
        const doc = byId.get(`${ref.docId}#${ref.article}`);
        if (doc !== undefined) named.add(doc);
      }
      const top = Math.max(0, ...[...fused.values()].map((e) => e.score));
      const results: (ScoredPassage & { rankKey: number })[] = [];
      for (const [doc, entry] of fused) {
        if (named.has(doc)) continue;
        const passage = parts.passages[doc]!;
        const confidence = Math.min(1, entry.coverage * (entry.vectorRank < 10 ? 1.15 : 1));
        results.push({ passage, score: entry.score, confidence, rankKey: (passage.inForce ? 1 : 0) * 1e6 + entry.score });
      }
      let namedRank = 0;
      for (const doc of named) {
        namedRank += 1;
        const passage = parts.passages[doc]!;
        results.push({ passage, score: top + 1 / namedRank, confidence: 1, rankKey: 2e6 - namedRank });
      }
      results.sort((a, b) => b.rankKey - a.rankKey);
      return results.slice(0, k).map(({ passage, score, confidence }) => ({ passage, score, confidence }));
    },
  };
}
