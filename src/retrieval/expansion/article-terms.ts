import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Passage } from '../../core/types.js';
import { toSimplified } from '../../language/script.js';

/**
 * Learned article vocabulary (doc2query-style document expansion, written by
 * eval/train/train-expansion.ts): for an article that train-split questions
 * were answered with, the words those questions used. Added to the article's
 * index terms, so a later question in the same lay words finds it.
 */
export const articleTermsSchema = z.object({
  version: z.literal(1),
  tokenizer: z.string().min(1),
  trainedOn: z.array(z.object({ source: z.string().min(1), pairs: z.number().int().nonnegative() })),
  /** `titleKey#article` -> [word, count] (count = questions that used the word, capped). */
  articles: z.record(z.string().min(1), z.array(z.tuple([z.string().min(1), z.number().int().positive()]))),
});
export type ArticleTermsTable = z.infer<typeof articleTermsSchema>;

export const ARTICLE_TERMS_FILE = join('learned', 'zh-article-terms.json');

/** Title key shared by the trainer and the index: Simplified, without 中华人民共和国, quotes, dated parentheses or spaces. */
export function articleKey(title: string, article: number): string {
  const key = toSimplified(title)
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/中华人民共和国/g, '')
    .replace(/[《》〈〉「」『』"“”\s]/g, '')
    .replace(/\([^()]*\d{4}[^()]*\)/g, '');
  return `${key}#${article}`;
}

export interface ArticleTerms {
  /** Hash of the table (part of the index cache key, since it changes index terms). */
  readonly hash: string;
  readonly size: number;
  /** Extra index terms of a passage (each repeated by its count), empty for most. */
  termsFor(passage: Passage): string[];
}

export function createArticleTerms(table: ArticleTermsTable | undefined, hash = 'none'): ArticleTerms {
  const articles = new Map(Object.entries(table?.articles ?? {}));
  return {
    hash,
    size: articles.size,
    termsFor(p) {
      if (p.article === undefined || p.language !== 'zh') return [];
      const rows = new Map<string, number>();
      for (const title of new Set([p.title, p.law])) for (const [w, c] of articles.get(articleKey(title, p.article)) ?? []) rows.set(w, Math.max(rows.get(w) ?? 0, c));
      return [...rows].flatMap(([w, c]) => Array.from({ length: c }, () => w));
    },
  };
}

/** Reads `knowledge/learned/zh-article-terms.json`; absent = none; damaged = error naming the file. */
export function loadArticleTerms(knowledgeDir: string): ArticleTerms {
  const path = join(knowledgeDir, ARTICLE_TERMS_FILE);
  if (!existsSync(path)) return createArticleTerms(undefined);
  const raw = readFileSync(path, 'utf8');
  const parsed = articleTermsSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`Invalid learned article terms ${path}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return createArticleTerms(parsed.data, createHash('sha256').update(raw).digest('hex').slice(0, 16));
}
