import type { Lang } from '../core/types.js';
import { loadReplies, type ReplyBook, type ReplyTexts } from '../knowledge/load-replies.js';

export type { ReplyBook, ReplyTexts };

/** Loads `knowledge/replies/{zh-Hans,vi}.json` (schema in src/knowledge/load-replies.ts). */
export function loadReplyBook(knowledgeDir: string): ReplyBook {
  return loadReplies(knowledgeDir);
}

/** The wording for a worker's language. */
export function textsFor(book: ReplyBook, lang: Lang): ReplyTexts {
  return lang === 'vi' ? book.vi : book.zh;
}

/** Replaces `{name}` placeholders; unknown names are left visible so a missing value is noticed in review. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
