import type { DocLanguage, Jurisdiction, Passage, Retriever, RetrievalQuery, ScoredPassage } from '../core/types.js';
import type { ArticleReference } from '../citations/parse-references.js';
import type { Embedder } from './embedders/types.js';
import type { LearnedExpander } from './expansion/learned-expander.js';
import { feedbackTerms } from './expansion/pseudo-relevance.js';
import type { QueryExpander } from './expansion/query-expander.js';
import type { Bm25Index } from './lexical/bm25-index.js';
import { weightedQueryTerms } from './lexical/query-terms.js';
import type { Tokenizer } from './tokenize/tokenizer.js';
import { EXTRA_DOC_PREFIX } from '../ingest/load-extra-laws.js';
import type { HnswVectorIndex } from './vector/hnsw-vector-index.js';

/** Fusion settings. */
export interface HybridWeights {
  /** Weight of the BM25 list in reciprocal-rank fusion. @default 1 */
  readonly lexical: number;
  /** Weight of the vector list (0 = vectors not queried). @default 0.25 */
  readonly vector: number;
  /** Weight of hand-written expansion terms relative to the worker's own words (0 = off). @default 0.5 */
  readonly expansion: number;
  /** RRF rank constant. @default 30 */
  readonly rrfK: number;
  /**
   * Weight of Chinese character-bigram terms relative to jieba words (bigrams are a robustness
   * backup).
   * @default 0.5
   */
  readonly bigram: number;
  /** Weight of learned translation terms (knowledge/learned; Chinese only; 0 = off). */
  readonly learned: number;
  /** Weight of pseudo-relevance feedback terms (0 = off). */
  readonly feedback: number;
  /** First-pass documents read for feedback. */
  readonly feedbackDocs: number;
  /** Feedback terms added. */
  readonly feedbackTerms: number;
  /**
   * Preference of the project's own statutes over extra laws (EXTRA_LAWS_DIR,
   * ids `cn-extra/...`): an extra passage's fused score is divided by it, so
   * labor law stays first when a whole law collection is loaded. With rrfK 30,
   * an extra passage must be fused two places ahead of a built-in one to rank
   * above it. 1 = no preference. @default 1.05
   */
  readonly builtinPrior: number;
}

/** Defaults; learned/feedback values were chosen on the STARD train split only (docs/retrieval.md). */
export const DEFAULT_WEIGHTS: HybridWeights = {
  lexical: 1,
  vector: 0.25,
  expansion: 0.5,
  rrfK: 30,
  bigram: 0.5,
  learned: 0.5,
  feedback: 0,
  feedbackDocs: 3,
  feedbackTerms: 10,
  builtinPrior: 1.05,
};

/**
 * How a hit's 0..1 confidence is measured (the answer policy's thresholds compare against it; the policy sets
 * these, docs/answer-policy.md). The coverage cap itself lives in the BM25 index (Bm25Options.coverageCap).
 */
export interface RetrievalConfidence {
  /** Confidence is multiplied by this when the vector list ranks the passage in its first `vectorAgreementRank`. */
  readonly vectorAgreementFactor: number;
  readonly vectorAgreementRank: number;
}

/** Defaults (the answer policy's defaults). */
export const DEFAULT_RETRIEVAL_CONFIDENCE: RetrievalConfidence = {
  vectorAgreementFactor: 1.15,
  vectorAgreementRank: 10,
};

export interface HybridRetrieverParts {
  readonly passages: readonly Passage[];
  readonly tokenizers: Readonly<Record<DocLanguage, Tokenizer>>;
  readonly expander: QueryExpander;
  readonly bm25: Bm25Index;
  /** Absent when the corpus was indexed without vectors (large corpora). */
  readonly vectors?: Readonly<Record<Jurisdiction, HnswVectorIndex>> | undefined;
  readonly embedder?: Embedder | undefined;
  readonly findReferences: (text: string) => ArticleReference[];
  readonly learned?: LearnedExpander | undefined;
  /** Index terms of a passage, for pseudo-relevance feedback. */
  readonly docTerms?: ((doc: number) => readonly string[]) | undefined;
  readonly weights?: Partial<HybridWeights>;
  readonly confidence?: RetrievalConfidence;
}

const CANDIDATES = 60;
const LEARNED_TERMS = 30;

/**
 * Hybrid retrieval: BM25 over jieba / syllable tokens plus hand-written
 * expansion terms, learned translation terms and pseudo-relevance feedback,
 * and (when indexed) dense vectors in hnswlib, fused by reciprocal rank. An
 * article the question names is put first; articles of documents out of
 * force go below every in-force one.
 *
 * Confidence of a hit = the share of the question's idf-weighted terms (own
 * words and hand-written expansion, not learned or feedback terms) that the
 * passage contains, raised a little when the vector list agrees (it ranks
 * the passage in its top 10), and 1 for a named article.
 */
export function createHybridRetriever(parts: HybridRetrieverParts): Retriever {
  const weights = { ...DEFAULT_WEIGHTS, ...parts.weights };
  const { vectorAgreementFactor, vectorAgreementRank } = parts.confidence ?? DEFAULT_RETRIEVAL_CONFIDENCE;
  const byId = new Map(parts.passages.map((p, i) => [p.id, i]));
  const jurisdictionOf = Uint8Array.from(parts.passages, (p) => (p.jurisdiction === 'CN' ? 0 : 1));
  const priorOf = Float64Array.from(parts.passages, (p) =>
    p.docId.startsWith(EXTRA_DOC_PREFIX) ? 1 / weights.builtinPrior : 1,
  );
  const useVectors = parts.vectors !== undefined && parts.embedder !== undefined && weights.vector > 0;

  return {
    name: `hybrid(bm25${useVectors ? `+${parts.embedder!.name}` : ''})`,
    async retrieve(query: RetrievalQuery): Promise<ScoredPassage[]> {
      const k = query.k ?? 10;
      const candidates = Math.max(CANDIDATES, k);
      const language: DocLanguage = query.jurisdiction === 'CN' ? 'zh' : 'vi';
      const tokenizer = parts.tokenizers[language];
      const expansion = weights.expansion > 0 ? parts.expander.expand(query.text, language) : [];
      const { own: ownTerms, terms: base } = weightedQueryTerms(tokenizer, query.text, expansion, weights);
      const terms = [...base];
      if (language === 'zh' && parts.learned && weights.learned > 0) {
        for (const t of parts.learned.expand(
          ownTerms.filter((x) => !x.startsWith('#')),
          LEARNED_TERMS,
        ))
          terms.push({ term: t.term, weight: t.weight * weights.learned });
      }
      const want = query.jurisdiction === 'CN' ? 0 : 1;
      const inJurisdiction = (doc: number) => jurisdictionOf[doc] === want;
      let lexical = parts.bm25.search(terms, candidates, inJurisdiction);
      if (parts.docTerms && weights.feedback > 0 && lexical.length > 0) {
        const seen = new Set(terms.map((t) => t.term));
        const extra = feedbackTerms(
          lexical.map((h) => h.doc),
          parts.docTerms,
          (t) => parts.bm25.idf(t),
          seen,
          { docs: weights.feedbackDocs, terms: weights.feedbackTerms },
        );
        if (extra.length > 0)
          lexical = parts.bm25.search(
            [...terms, ...extra.map((t) => ({ term: t.term, weight: t.weight * weights.feedback }))],
            candidates,
            inJurisdiction,
          );
      }
      let dense: { item: number }[] = [];
      if (useVectors) {
        const queryVector = await parts.embedder!.embedQuery([query.text, ...expansion].join(' '));
        dense = parts.vectors![query.jurisdiction].search(queryVector, candidates);
      }

      const fused = new Map<number, { score: number; vectorRank: number }>();
      lexical.forEach((hit, rank) => {
        fused.set(hit.doc, { score: weights.lexical / (weights.rrfK + rank + 1), vectorRank: Infinity });
      });
      dense.forEach((hit, rank) => {
        const entry = fused.get(hit.item) ?? { score: 0, vectorRank: Infinity };
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
      const ranked: { doc: number; score: number; vectorRank: number; rankKey: number }[] = [];
      for (const [doc, entry] of fused) {
        if (named.has(doc)) continue;
        const score = entry.score * priorOf[doc]!;
        ranked.push({
          doc,
          score,
          vectorRank: entry.vectorRank,
          rankKey: (parts.passages[doc]!.inForce ? 1 : 0) * 1e6 + score,
        });
      }
      ranked.sort((a, b) => b.rankKey - a.rankKey);
      const kept = ranked.slice(0, Math.max(0, k - named.size));
      const coverage = parts.bm25.coverage(
        base,
        kept.map((r) => r.doc),
      );
      const results: ScoredPassage[] = [];
      let namedRank = 0;
      for (const doc of named) {
        namedRank += 1;
        results.push({ passage: parts.passages[doc]!, score: top + 1 / namedRank, confidence: 1 });
      }
      kept.forEach((r, i) => {
        results.push({
          passage: parts.passages[r.doc]!,
          score: r.score,
          confidence: Math.min(1, coverage[i]! * (r.vectorRank < vectorAgreementRank ? vectorAgreementFactor : 1)),
        });
      });
      return results.slice(0, k);
    },
  };
}
