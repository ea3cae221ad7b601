import type { Lang } from '../core/types.js';
import { loadScopeNotice, type ScopeNotice } from '../knowledge/load-cards.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese } from '../language/vietnamese.js';

/** `knowledge/cards/scope-notice.json`, loaded by src/knowledge/load-cards.ts. */
export { loadScopeNotice, type ScopeNotice };

function normalise(text: string, lang: Lang): string {
  return lang === 'vi'
    ? ` ${foldVietnamese(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `
    : toSimplified(text.toLowerCase());
}

const has = (haystack: string, list: readonly string[], lang: Lang) =>
  list.some((w) => haystack.includes(lang === 'vi' ? ` ${w} ` : w));

/** The question is about another country's or territory's own labor law. */
export function asksAboutOtherJurisdiction(notice: ScopeNotice, text: string, lang: Lang): boolean {
  const family = lang === 'vi' ? 'vi' : 'zh';
  const haystack = normalise(text, lang);
  // English words are matched whole on the lower-case text, whatever the detected language.
  const english = ` ${text.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  const inEnglish = (list: readonly string[]) => list.some((w) => english.includes(` ${w} `));
  if (!has(haystack, notice.cues[family], lang) && !inEnglish(notice.cues.en)) return false;
  if (has(haystack, notice.home_words[family], lang) || inEnglish(notice.home_words.en)) return false;
  return has(haystack, notice.law_words[family], lang) || inEnglish(notice.law_words.en) || lang !== 'vi';
}

/** The bot's scope in English, for a message written in English (any country named or not). */
export function englishScope(notice: ScopeNotice, text: string): string | undefined {
  return looksEnglish(text) ? notice.reply.en : undefined;
}

/** English function words that are not also Vietnamese typed without diacritics ("do", "my", "can", "the" are). */
const ENGLISH_WORDS = new Set([
  'what',
  'how',
  'is',
  'are',
  'does',
  'about',
  'please',
  'law',
  'laws',
  'work',
  'pay',
  'salary',
  'overtime',
  'company',
  'employer',
  'rights',
  'where',
  'when',
  'why',
  'should',
  'would',
  'could',
  'have',
  'with',
  'for',
  'and',
  'you',
  'your',
  'hello',
  'hi',
]);

/** Mostly English words (ASCII letters, no Vietnamese diacritics): the scope is repeated in English. */
export function looksEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const ascii = text.match(/[A-Za-z]/g) ?? [];
  if (letters.length < 8 || ascii.length / letters.length <= 0.9) return false;
  const words = new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => ENGLISH_WORDS.has(w)),
  );
  return words.size >= 2;
}

/** "全文", "详细", "chi tiết" or a short request that names an article: the worker wants the whole text. */
export function asksForFullText(notice: ScopeNotice, text: string, lang: Lang): boolean {
  const family = lang === 'vi' ? 'vi' : 'zh';
  const haystack = normalise(text, lang);
  return text.length <= 40 && has(haystack, notice.full_text[family], lang);
}
