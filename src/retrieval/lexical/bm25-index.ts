import { encodeTokens, type EncodedTokens } from './encoded-tokens.js';

/** A query term with its weight (the worker's own words 1.0, expansion terms less). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

/** One BM25 hit. */
export interface Bm25Hit {
  readonly doc: number;
  readonly score: number;
  /** Share of the query's idf-weighted terms (up to the coverage cap) that the document contains, 0..1. */
  readonly coverage: number;
}

/** Default coverage cap (idf mass); the answer policy's coverageCap sets it in the running bot. */
export const DEFAULT_COVERAGE_CAP = 120;

export interface Bm25Options {
  /** Term-frequency saturation. @default 1.2 */
  readonly k1?: number;
  /** Length normalisation. @default 0.75 */
  readonly b?: number;
  /**
   * Coverage is measured against at most this much idf-weighted query mass, so
   * a long question (a whole case story) does not look unsure just because it
   * is long. Decides answer vs hand off through confidence: see docs/answer-policy.md. @default 120
   */
  readonly coverageCap?: number;
}

/**
 * Okapi BM25 with compact postings: one Int32Array of documents and one
 * Uint16Array of term frequencies for the whole index (CSR layout, offsets
 * per term), and a reusable score accumulator, so a query over 64k articles
 * allocates almost nothing and touches only documents sharing a term.
 */
export class Bm25Index {
  private readonly termIds: Map<string, number>;
  private readonly offsets: Int32Array;
  private readonly postDocs: Int32Array;
  private readonly postTfs: Uint16Array;
  private readonly docLengths: Float32Array;
  private readonly avgLength: number;
  private readonly k1: number;
  private readonly b: number;
  private readonly coverageCap: number;
  private readonly scores: Float64Array;
  private readonly covered: Float64Array;
  private readonly seen: Uint8Array;

  /** Builds from token lists, or from an already encoded corpus (vocabulary + term ids, e.g. from the index cache). */
  constructor(documents: readonly (readonly string[])[] | EncodedTokens, options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.coverageCap = options.coverageCap ?? DEFAULT_COVERAGE_CAP;
    const encoded = Array.isArray(documents)
      ? encodeTokens(documents as readonly (readonly string[])[])
      : (documents as EncodedTokens);
    const { vocabulary, docOffsets, termIds } = encoded;
    const docs = docOffsets.length - 1;
    this.termIds = new Map(vocabulary.map((t, i) => [t, i]));
    this.docLengths = new Float32Array(docs);
    // Pass 1: document frequency per term (each term counted once per document).
    const df = new Int32Array(vocabulary.length);
    const lastDoc = new Int32Array(vocabulary.length).fill(-1);
    let total = 0;
    for (let d = 0; d < docs; d += 1) {
      const from = docOffsets[d]!;
      const to = docOffsets[d + 1]!;
      this.docLengths[d] = to - from;
      total += to - from;
      for (let i = from; i < to; i += 1) {
        const t = termIds[i]!;
        if (lastDoc[t] !== d) {
          lastDoc[t] = d;
          df[t] = df[t]! + 1;
        }
      }
    }
    this.offsets = new Int32Array(vocabulary.length + 1);
    for (let t = 0; t < vocabulary.length; t += 1) this.offsets[t + 1] = this.offsets[t]! + df[t]!;
    this.postDocs = new Int32Array(this.offsets[vocabulary.length]!);
    this.postTfs = new Uint16Array(this.offsets[vocabulary.length]!);
    // Pass 2: fill postings in document order; the slot of (term, doc) is found through lastDoc.
    const cursor = Int32Array.from(this.offsets.subarray(0, vocabulary.length));
    lastDoc.fill(-1);
    for (let d = 0; d < docs; d += 1) {
      for (let i = docOffsets[d]!; i < docOffsets[d + 1]!; i += 1) {
        const t = termIds[i]!;
        if (lastDoc[t] !== d) {
          lastDoc[t] = d;
          this.postDocs[cursor[t]!] = d;
          cursor[t] = cursor[t]! + 1;
        }
        const slot = cursor[t]! - 1;
        if (this.postTfs[slot]! < 65535) this.postTfs[slot] = this.postTfs[slot]! + 1;
      }
    }
    this.avgLength = docs === 0 ? 0 : total / docs;
    this.scores = new Float64Array(docs);
    this.covered = new Float64Array(docs);
    this.seen = new Uint8Array(docs);
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** Document frequency of a term (0 when unknown). */
  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** Inverse document frequency (BM25+ style, always positive). */
  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * Coverage of given documents by weighted query terms, as {@link search}
   * reports it, found by binary search in the postings (kept in document order).
   */
  coverage(query: readonly WeightedTerm[], docs: readonly number[]): number[] {
    const merged = new Map<string, number>();
    for (const q of query) merged.set(q.term, Math.max(merged.get(q.term) ?? 0, q.weight));
    let totalWeight = 0;
    const covered = docs.map(() => 0);
    for (const [term, weight] of merged) {
      const wIdf = weight * this.idf(term);
      totalWeight += wIdf;
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      docs.forEach((doc, i) => {
        let lo = this.offsets[id]!;
        let hi = this.offsets[id + 1]! - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const d = this.postDocs[mid]!;
          if (d === doc) {
            covered[i] = covered[i]! + wIdf;
            return;
          }
          if (d < doc) lo = mid + 1;
          else hi = mid - 1;
        }
      });
    }
    const denominator = Math.min(totalWeight, this.coverageCap);
    return covered.map((c) => (denominator > 0 ? Math.min(1, c / denominator) : 0));
  }

  /**
   * Scores documents for weighted query terms. `allow` restricts the search
   * (e.g. to one jurisdiction). Returns hits sorted by score, best first.
   */
  search(query: readonly WeightedTerm[], limit: number, allow?: (doc: number) => boolean): Bm25Hit[] {
    const merged = new Map<string, number>();
    for (const q of query) merged.set(q.term, Math.max(merged.get(q.term) ?? 0, q.weight));
    const touched: number[] = [];
    let totalWeight = 0;
    const avg = this.avgLength || 1;
    for (const [term, weight] of merged) {
      const idf = this.idf(term);
      totalWeight += weight * idf;
      const id = this.termIds.get(term);
      if (id === undefined || weight <= 0) continue;
      const wIdf = weight * idf;
      for (let i = this.offsets[id]!; i < this.offsets[id + 1]!; i += 1) {
        const doc = this.postDocs[i]!;
        if (this.seen[doc] === 0) {
          if (allow && !allow(doc)) continue;
          this.seen[doc] = 1;
          touched.push(doc);
        }
        const tf = this.postTfs[i]!;
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.docLengths[doc]!) / avg);
        this.scores[doc] = this.scores[doc]! + wIdf * ((tf * (this.k1 + 1)) / norm);
        this.covered[doc] = this.covered[doc]! + wIdf;
      }
    }
    const denominator = Math.min(totalWeight, this.coverageCap);
    // Keep the best `limit` without sorting every touched document.
    const top = selectTop(touched, this.scores, limit);
    const hits = top.map((doc) => ({
      doc,
      score: this.scores[doc]!,
      coverage: denominator > 0 ? Math.min(1, this.covered[doc]! / denominator) : 0,
    }));
    for (const doc of touched) {
      this.scores[doc] = 0;
      this.covered[doc] = 0;
      this.seen[doc] = 0;
    }
    return hits;
  }
}

/** The `limit` documents with the highest score, best first (ties: lower doc first). */
function selectTop(docs: readonly number[], scores: Float64Array, limit: number): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  if (docs.length <= limit * 4)
    return [...docs].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, limit);
  // Threshold by a sample-free pass: a bounded min-heap of size `limit`.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[p]!, heap[i]!)) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
      i = worst;
    }
  };
  for (const d of docs) {
    if (heap.length < limit) {
      heap.push(d);
      up(heap.length - 1);
    } else if (limit > 0 && better(d, heap[0]!)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
