import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { WeightedTerm } from '../lexical/bm25-index.js';

/**
 * The learned translation table (written by eval/train/train-expansion.ts):
 * question term -> statute terms with weights in (0, 1].
 */
export const learnedTableSchema = z.object({
  version: z.literal(1),
  tokenizer: z.string().min(1),
  trainedOn: z.array(z.object({ source: z.string().min(1), pairs: z.number().int().nonnegative() })),
  entries: z.record(z.string().min(1), z.array(z.tuple([z.string().min(1), z.number().positive().max(1)])).min(1)),
});
export type LearnedTable = z.infer<typeof learnedTableSchema>;

/** Maps a question's terms to statute terms learned from question/article pairs. */
export interface LearnedExpander {
  readonly size: number;
  /** Added terms with weights (before the retriever's global expansion weight), best first, at most `limit`. */
  expand(queryTerms: readonly string[], limit: number): WeightedTerm[];
}

export const LEARNED_FILE = join('learned', 'zh-translation.json');

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

/** Reads `knowledge/learned/zh-translation.json`; absent file = no learned expansion; a damaged one is an error naming the file. */
export function loadLearnedExpander(knowledgeDir: string): LearnedExpander {
  const path = join(knowledgeDir, LEARNED_FILE);
  if (!existsSync(path)) return createLearnedExpander(undefined);
  const parsed = learnedTableSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid learned expansion table ${path}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return createLearnedExpander(parsed.data);
}
