import type { Tokenizer } from '../tokenize/tokenizer.js';
import type { WeightedTerm } from './bm25-index.js';

/** Weights of a question's terms relative to its own words (1). */
export interface QueryTermWeights {
  /** Terms of the expansion phrases. */
  readonly expansion: number;
  /** Factor for Chinese character bigrams (`#` terms). */
  readonly bigram: number;
}

/**
 * A question's BM25 terms: its own words at weight 1, then the terms of its
 * expansion phrases at `weights.expansion`; Chinese bigrams count
 * `weights.bigram` of that. Shared by the statute retriever and the card matcher.
 */
export function weightedQueryTerms(
  tokenizer: Tokenizer,
  text: string,
  expansion: readonly string[],
  weights: QueryTermWeights,
): { own: string[]; terms: WeightedTerm[] } {
  const weigh = (term: string, base: number): WeightedTerm => ({
    term,
    weight: term.startsWith('#') ? base * weights.bigram : base,
  });
  const own = tokenizer.tokenizeQuery(text);
  const terms = own.map((term) => weigh(term, 1));
  for (const phrase of expansion) {
    for (const term of tokenizer.tokenizeQuery(phrase)) terms.push(weigh(term, weights.expansion));
  }
  return { own, terms };
}
