import type { Lang } from '../core/types.js';

/** A part shorter than this (in letters and digits) is a fragment ("好吗？"), not a question of its own. */
const MIN_PART = 4;

/**
 * The questions one Chinese message asks, split at question marks
 * ("要交钱吗？去哪里申请" -> two); empty when it asks one. Vietnamese messages
 * are not split here (their cards are tuned separately).
 */
export function subQuestions(text: string, lang: Lang): string[] {
  if (lang === 'vi') return [];
  const parts = text
    .split(/[？?]+/u)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_PART);
  return parts.length >= 2 ? parts : [];
}
