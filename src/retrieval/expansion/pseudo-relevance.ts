import type { WeightedTerm } from '../lexical/bm25-index.js';

export interface FeedbackOptions {
  /** Top documents of the first pass taken as relevant. */
  readonly docs: number;
  /** Terms added. */
  readonly terms: number;
}

/**
 * RM3-style pseudo-relevance feedback: terms frequent in the first-pass top
 * documents (tf share x idf, weighted by each document's rank) that the
 * question does not already hold. Character bigrams are left out: they
 * only echo the words.
 */
export function feedbackTerms(
  topDocs: readonly number[],
  docTerms: (doc: number) => readonly string[],
  idf: (term: string) => number,
  queryTerms: ReadonlySet<string>,
  options: FeedbackOptions,
): WeightedTerm[] {
  const scores = new Map<string, number>();
  topDocs.slice(0, options.docs).forEach((doc, rank) => {
    const terms = docTerms(doc).filter((t) => !t.startsWith('#') && !t.startsWith('~'));
    if (terms.length === 0) return;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const docWeight = 1 / (rank + 1);
    for (const [t, c] of counts)
      if (!queryTerms.has(t) && t.length > 1)
        scores.set(t, (scores.get(t) ?? 0) + docWeight * (c / terms.length) * idf(t));
  });
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.terms);
  const top = ranked[0]?.[1] ?? 0;
  return top > 0 ? ranked.map(([term, s]) => ({ term, weight: s / top })) : [];
}
