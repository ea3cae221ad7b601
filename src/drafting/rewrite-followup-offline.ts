import type { HistoryTurn, Lang } from '../core/types.js';

/** Short follow-ups lean on the previous question ("那要怎么申请？", "còn nếu làm 5 năm thì sao?"). */
const MAX_FOLLOW_UP_CHARS = { zh: 8, vi: 24 } as const;
const FOLLOW_UP_CUES = /^(那|那么|那要|那如果|如果|还有|另外|要是|假如)|^(còn|vậy|thế|nếu|nhưng)\b/iu;

/**
 * Offline follow-up rewriting: a short or cue-led follow-up is searched
 * together with the worker's previous question, so "那要怎么申请？" after a
 * question about 工伤认定 still retrieves 工伤认定 articles.
 */
export function rewriteFollowUpOffline(question: string, lang: Lang, history: readonly HistoryTurn[]): string {
  const previous = [...history].reverse().find((t) => t.role === 'worker');
  if (!previous) return question;
  // Only a follow-up in the same language family leans on the previous question.
  const previousIsChinese = /\p{Script=Han}/u.test(previous.text);
  if (previousIsChinese !== (lang !== 'vi')) return question;
  const limit = lang === 'vi' ? MAX_FOLLOW_UP_CHARS.vi : MAX_FOLLOW_UP_CHARS.zh;
  const isFollowUp = question.length <= limit || FOLLOW_UP_CUES.test(question.trim());
  return isFollowUp ? `${previous.text} ${question}` : question;
}
