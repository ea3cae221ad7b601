import { learnedTableSchema, loadLearnedTable, type LearnedTable } from '../../knowledge/load-learned.js';
import type { WeightedTerm } from '../lexical/bm25-index.js';

/** The learned translation table: schema in src/knowledge/load-learned.ts. */
export { learnedTableSchema, type LearnedTable };

/** Maps a question's terms to statute terms learned from question/article pairs. */
export interface LearnedExpander {
  readonly size: number;
  /** Added terms with weights (before the retriever's global expansion weight), best first, at most `limit`. */
  expand(queryTerms: readonly string[], limit: number): WeightedTerm[];
}

export function createLearnedExpander(table: LearnedTable | undefined): LearnedExpander {
  const entries = new Map(Object.entries(table?.entries ?? {}));
  return {
    size: entries.size,
    expand(queryTerms, limit) {
      const own = new Set(queryTerms);
      const added = new Map<string, number>();
      for (const term of own) {
        for (const [target, weight] of entries.get(term) ?? []) {
          if (own.has(target)) continue;
          // Several question words pointing at one statute word add up, capped at 1.
          added.set(target, Math.min(1, (added.get(target) ?? 0) + weight));
        }
      }
      return [...added]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit)
        .map(([term, weight]) => ({ term, weight }));
    },
  };
}

/**
 * Reads `knowledge/learned/zh-translation.json`; absent file = no learned expansion; a damaged one
 * is an error naming the file.
 */
export function loadLearnedExpander(knowledgeDir: string): LearnedExpander {
  return createLearnedExpander(loadLearnedTable(knowledgeDir));
}
