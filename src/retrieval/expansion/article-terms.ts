import type { Passage } from '../../core/types.js';
import { articleTermsSchema, loadArticleTermsTable, type ArticleTermsTable } from '../../knowledge/load-learned.js';
import { toSimplified } from '../../language/script.js';

/**
 * Learned article vocabulary (doc2query-style document expansion, written by
 * eval/train/train-expansion.ts): for an article that train-split questions
 * were answered with, the words those questions used. Added to the article's
 * index terms, so a later question in the same lay words finds it.
 */
export { articleTermsSchema, type ArticleTermsTable };

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
      for (const title of new Set([p.title, p.law]))
        for (const [w, c] of articles.get(articleKey(title, p.article)) ?? [])
          rows.set(w, Math.max(rows.get(w) ?? 0, c));
      return [...rows].flatMap(([w, c]) => Array.from({ length: c }, () => w));
    },
  };
}

/** Reads `knowledge/learned/zh-article-terms.json`; absent = none; damaged = error naming the file. */
export function loadArticleTerms(knowledgeDir: string): ArticleTerms {
  const loaded = loadArticleTermsTable(knowledgeDir);
  return loaded ? createArticleTerms(loaded.table, loaded.hash) : createArticleTerms(undefined);
}
