import type { LearnedTable } from '../../src/retrieval/expansion/learned-expander.js';

/** One training pair: the terms of a question and of one of its gold articles. */
export interface TermPair {
  readonly question: readonly string[];
  readonly article: readonly string[];
  /** The gold article's key ({@link articleKey}), when known. */
  readonly articleKey?: string | undefined;
}

export interface TranslationOptions {
  /** Minimum pairs in which a question term and a statute term co-occur. @default 3 */
  readonly minPairCount?: number;
  /** Minimum pointwise mutual information (natural log). @default 1 */
  readonly minPmi?: number;
  /** Statute terms kept per question term. @default 6 */
  readonly perTerm?: number;
  /** Smoothing: p(w|u) is shrunk by n(u) / (n(u) + shrink). @default 3 */
  readonly shrink?: number;
}

/**
 * Estimates a lay-word -> statute-word translation table from question /
 * gold-article pairs: for question term u and article term w,
 * p(w|u) = n(u,w) / n(u) over pairs (presence, not counts), kept when
 * n(u,w) >= minPairCount and PMI = log(p(w|u) / p(w)) >= minPmi, where p(w)
 * is w's share of all gold articles (so words every article has, like 应当,
 * never qualify). Weight = p(w|u) shrunk for rare u, scaled to (0, 1].
 * Only words are used (character bigrams, marked '#', are left out).
 */
export function trainTranslationTable(
  pairs: readonly TermPair[],
  options: TranslationOptions = {},
): LearnedTable['entries'] {
  const minPairCount = options.minPairCount ?? 3;
  const minPmi = options.minPmi ?? 1;
  const perTerm = options.perTerm ?? 6;
  const shrink = options.shrink ?? 3;
  const keep = (t: string) => !t.startsWith('#') && !t.startsWith('~') && t.length > 1 && !/^\d+$/.test(t);
  const nU = new Map<string, number>();
  const nW = new Map<string, number>();
  const nUW = new Map<string, Map<string, number>>();
  for (const pair of pairs) {
    const q = new Set(pair.question.filter(keep));
    const a = new Set(pair.article.filter(keep));
    for (const w of a) nW.set(w, (nW.get(w) ?? 0) + 1);
    for (const u of q) {
      nU.set(u, (nU.get(u) ?? 0) + 1);
      let row = nUW.get(u);
      if (!row) nUW.set(u, (row = new Map()));
      for (const w of a) row.set(w, (row.get(w) ?? 0) + 1);
    }
  }
  const n = pairs.length;
  const entries: Record<string, [string, number][]> = {};
  for (const [u, row] of [...nUW].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const nu = nU.get(u)!;
    const kept: [string, number][] = [];
    for (const [w, c] of row) {
      if (c < minPairCount || w === u) continue;
      const pwu = c / nu;
      const pmi = Math.log(pwu / (nW.get(w)! / n));
      if (pmi < minPmi) continue;
      kept.push([w, pwu * (nu / (nu + shrink))]);
    }
    if (kept.length === 0) continue;
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    entries[u] = kept.slice(0, perTerm).map(([w, p]) => [w, Math.min(1, Math.max(0.001, Number(p.toFixed(3))))]);
  }
  return entries;
}

export interface ArticleTermOptions {
  /** Words kept per article. @default 24 */
  readonly perArticle?: number;
  /** Maximum repetition of one word (= questions that used it). @default 3 */
  readonly cap?: number;
}

/**
 * Document expansion: for each gold article of the training pairs, the
 * words (not bigrams, not numbers) its questions used, with how many
 * questions used each (capped), most used first.
 */
export function trainArticleTerms(
  pairs: readonly TermPair[],
  options: ArticleTermOptions = {},
): Record<string, [string, number][]> {
  const perArticle = options.perArticle ?? 24;
  const cap = options.cap ?? 3;
  const keep = (t: string) => !t.startsWith('#') && !t.startsWith('~') && t.length > 1 && !/^\d+$/.test(t);
  const byArticle = new Map<string, Map<string, number>>();
  for (const pair of pairs) {
    if (!pair.articleKey) continue;
    let row = byArticle.get(pair.articleKey);
    if (!row) byArticle.set(pair.articleKey, (row = new Map()));
    for (const w of new Set(pair.question.filter(keep))) row.set(w, (row.get(w) ?? 0) + 1);
  }
  const out: Record<string, [string, number][]> = {};
  for (const [key, row] of [...byArticle].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const words = [...row].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, perArticle);
    if (words.length > 0) out[key] = words.map(([w, c]) => [w, Math.min(cap, c)]);
  }
  return out;
}
