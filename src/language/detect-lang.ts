import type { Lang } from '../core/types.js';
import { toSimplified, toTraditional } from './script.js';
import { foldVietnamese, hasVietnameseLetters } from './vietnamese.js';
import { VI_SYLLABLES } from './vi-syllables.js';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-zA-Z\u00C0-\u024F\u1E00-\u1EFF]{2,}/gu;

/**
 * Common Vietnamese syllables, folded. Lets "cong ty no luong" (no diacritics)
 * be recognised as Vietnamese rather than unknown Latin text.
 */
const VIETNAMESE_FOLDED_WORDS = new Set(
  (
    'cong ty luong lao dong nguoi toi em anh chi khong co duoc bao hiem xa hoi hop dong viec lam nghi ' +
    'thai san doan bi sa thai thang ngay nam gio tien tra no cham ky ve cua cho la va thi sao nao gi ' +
    'bao nhieu phai khi neu da dang muon hoi giup minh chung ta ho ban cac nhung mot hai ba tu den ' +
    'quyen nghia vu chu su dung tro cap om dau tai nan phep le tet tang ca lam them'
  ).split(' '),
);

/**
 * Shape of a Vietnamese syllable without diacritics: onset, vowel cluster, coda. English "what",
 * "is", "hello" fail it.
 */
const VI_SYLLABLE_SHAPE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/;

/**
 * Vietnamese typed without diacritics: most words have the shape of a
 * Vietnamese syllable and at least half are syllables seen in the Vietnamese
 * knowledge texts. Holds for short messages ("quan doc tat em").
 */
function looksLikeFoldedVietnamese(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const folded = words.map((w) => foldVietnamese(w));
  const shaped = folded.filter((w) => VI_SYLLABLE_SHAPE.test(w)).length;
  const known = folded.filter((w) => VI_SYLLABLES.has(w)).length;
  return shaped / folded.length >= 0.8 && known / folded.length >= 0.5;
}

/** Counts Han characters whose Simplified and Traditional forms differ, per script. */
function scriptVotes(hanChars: string[]): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (const ch of hanChars) {
    const s = toSimplified(ch);
    const t = toTraditional(ch);
    if (s !== ch) traditional += 1;
    else if (t !== ch) simplified += 1;
  }
  return { traditional, simplified };
}

/** Result of language detection. */
export interface LangDetection {
  /** Detected language, or null when the text has no Chinese or Vietnamese content. */
  readonly lang: Lang | null;
  /** True when both Chinese and Vietnamese content were seen. */
  readonly mixed: boolean;
}

/**
 * Detects the worker's language and script. Chinese is split into Simplified
 * and Traditional by counting characters that exist in only one script; ties
 * fall back to `hint` (the conversation's language) and then Simplified.
 */
export function detectLang(text: string, hint?: Lang): LangDetection {
  const han = text.match(HAN) ?? [];
  const words = text.match(LATIN_WORD) ?? [];
  const vietnameseMarked = hasVietnameseLetters(text);
  const foldedHits = words.filter((w) => VIETNAMESE_FOLDED_WORDS.has(foldVietnamese(w))).length;
  const looksVietnamese =
    vietnameseMarked || (words.length > 0 && foldedHits / words.length >= 0.4) || looksLikeFoldedVietnamese(words);
  const vietnameseWeight = looksVietnamese ? words.length : 0;
  const mixed = han.length > 0 && looksVietnamese;

  if (han.length === 0 && !looksVietnamese) return { lang: null, mixed: false };
  // Mixed messages: the language with more content wins (a Han character ~ one word).
  if (han.length > 0 && han.length >= vietnameseWeight) {
    const votes = scriptVotes(han);
    if (votes.traditional > votes.simplified) return { lang: 'zh-Hant', mixed };
    if (votes.simplified > votes.traditional) return { lang: 'zh-Hans', mixed };
    return { lang: hint === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans', mixed };
  }
  return { lang: 'vi', mixed };
}
