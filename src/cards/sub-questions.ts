import type { Lang } from '../core/types.js';

/** A part shorter than this (in letters and digits) is a fragment ("好吗？"), not a question of its own. */
const MIN_PART = 4;

/** Words that make a piece without a question mark a question (Simplified, Traditional, Cantonese). */
const QUESTION_WORD =
  /[吗嗎呢么麼几幾怎啥哪谁誰咩]|多少|多久|多长|多長|能不能|可不可以|是不是|有没有|有沒有|要不要|为什么|為什麼|如何/u;

/**
 * The questions one Chinese message asks, split at question marks
 * ("要交钱吗？去哪里申请" -> two); empty when it asks one. Vietnamese messages
 * are not split here (their cards are tuned separately).
 */
export function subQuestions(text: string, lang: Lang): string[] {
  if (lang === 'vi') return [];
  // Each piece with the mark that ended it: a piece the worker did not end with "？" is a question only if it
  // asks something ("去哪里申请"); "试用期最长多久？我签了三年合同" states a fact after its one question.
  const pieces = [...text.matchAll(/([^？?]+)([？?]*)/gu)].map((m) => ({ text: m[1]!.trim(), asked: m[2] !== '' }));
  const parts = pieces
    .filter((p) => p.asked || QUESTION_WORD.test(p.text))
    .map((p) => p.text)
    .filter((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_PART);
  return parts.length >= 2 ? parts : [];
}
