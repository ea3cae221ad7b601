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

export interface Bm25Options {
  /** Term-frequency saturation. @default 1.2 */
  readonly k1?: number;
  /** Length normalisation. @default 0.75 */
  readonly b?: number;
  /**
   * Coverage is measured against at most this much idf-weighted query mass, so
   * a long question (a whole case story) does not look unsure just because it
   * is long. @default 120
   */
  readonly coverageCap?: number;
}

/**
 * Okapi BM25 over pre-tokenized documents, with integer term ids and
 * postings arrays so a query touches only the documents that share a term.
 */
export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly postings: { docs: number[]; tfs: number[] }[] = [];
  private readonly docLengths: Float64Array;
  private readonly avgLength: number;
  private readonly k1: number;
  private readonly b: number;
  private readonly coverageCap: number;

  constructor(documents: readonly (readonly string[])[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.coverageCap = options.coverageCap ?? 120;
    this.docLengths = new Float64Array(documents.length);
    let total = 0;
    documents.forEach((tokens, doc) => {
      this.docLengths[doc] = tokens.length;
      total += tokens.length;
      const counts = new Map<string, number>();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.postings.length;
          this.termIds.set(term, id);
          this.postings.push({ docs: [], tfs: [] });
        }
        this.postings[id]!.docs.push(doc);
        this.postings[id]!.tfs.push(tf);
      }
    });
    this.avgLength = documents.length === 0 ? 0 : total / documents.length;
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** Inverse document frequency (BM25+ style, always positive). */
  idf(term: string): number {
    const id = this.termIds.get(term);
    const df = id === undefined ? 0 : this.postings[id]!.docs.length;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * Scores documents for weighted query terms. `allow` restricts the search
   * (e.g. to one jurisdiction). Returns hits sorted by score, best first.
   */
  search(query: readonly WeightedTerm[], limit: number, allow?: (doc: number) => boolean): Bm25Hit[] {
    const merged = new Map<string, number>();
    for (const q of query) merged.set(q.term, Math.max(merged.get(q.term) ?? 0, q.weight));
    const scores = new Map<number, number>();
    const covered = new Map<number, number>();
    let totalWeight = 0;
    for (const [term, weight] of merged) {
      const idf = this.idf(term);
      totalWeight += weight * idf;
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const { docs, tfs } = this.postings[id]!;
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i]!;
        if (allow && !allow(doc)) continue;
        const tf = tfs[i]!;
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.docLengths[doc]!) / (this.avgLength || 1));
        scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * ((tf * (this.k1 + 1)) / norm));
        covered.set(doc, (covered.get(doc) ?? 0) + weight * idf);
      }
    }
    const hits: Bm25Hit[] = [];
    const denominator = Math.min(totalWeight, this.coverageCap);
    for (const [doc, score] of scores) hits.push({ doc, score, coverage: denominator > 0 ? Math.min(1, (covered.get(doc) ?? 0) / denominator) : 0 });
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return hits.slice(0, limit);
  }
}
