import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonText, readJsonFile, readKnowledgeText } from './read-json-file.js';

const trainedOn = z.array(z.object({ source: z.string().min(1), pairs: z.number().int().nonnegative() }));

/**
 * `learned/zh-translation.json` (written by eval/train/train-expansion.ts):
 * question term -> statute terms with weights in (0, 1].
 */
export const learnedTableSchema = z.object({
  version: z.literal(1),
  tokenizer: z.string().min(1),
  trainedOn,
  entries: z.record(z.string().min(1), z.array(z.tuple([z.string().min(1), z.number().positive().max(1)])).min(1)),
});
export type LearnedTable = z.infer<typeof learnedTableSchema>;

/**
 * `learned/zh-article-terms.json` (same trainer): for an article that train-split
 * questions were answered with, the words those questions used.
 */
export const articleTermsSchema = z.object({
  version: z.literal(1),
  tokenizer: z.string().min(1),
  trainedOn,
  /** `titleKey#article` -> [word, count] (count = questions that used the word, capped). */
  articles: z.record(z.string().min(1), z.array(z.tuple([z.string().min(1), z.number().int().positive()]))),
});
export type ArticleTermsTable = z.infer<typeof articleTermsSchema>;

export const LEARNED_FILE = join('learned', 'zh-translation.json');
export const ARTICLE_TERMS_FILE = join('learned', 'zh-article-terms.json');

/** The learned tables; each is absent when its file is. */
export interface LearnedKnowledge {
  readonly translation?: LearnedTable;
  /** With the hash of the file's text (part of the index cache key, since it changes index terms). */
  readonly articleTerms?: { readonly table: ArticleTermsTable; readonly hash: string };
}

/** Reads `learned/zh-translation.json`; undefined when absent. */
export function loadLearnedTable(knowledgeDir: string): LearnedTable | undefined {
  const path = join(knowledgeDir, LEARNED_FILE);
  return existsSync(path) ? readJsonFile(path, learnedTableSchema) : undefined;
}

/** Reads `learned/zh-article-terms.json` and hashes its text; undefined when absent. */
export function loadArticleTermsTable(knowledgeDir: string): LearnedKnowledge['articleTerms'] {
  const path = join(knowledgeDir, ARTICLE_TERMS_FILE);
  if (!existsSync(path)) return undefined;
  const raw = readKnowledgeText(path);
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return { table: parseJsonText(raw, path, articleTermsSchema), hash };
}

/** Loads knowledge/learned. */
export function loadLearned(knowledgeDir: string): LearnedKnowledge {
  const translation = loadLearnedTable(knowledgeDir);
  const articleTerms = loadArticleTermsTable(knowledgeDir);
  return { ...(translation ? { translation } : {}), ...(articleTerms ? { articleTerms } : {}) };
}
