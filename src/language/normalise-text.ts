import { toSimplified } from './script.js';
import { foldVietnamese, hasVietnameseLetters } from './vietnamese.js';

/**
 * A message in the one normal form every phrase list is matched in (triage,
 * query expansions, scope guard), so the three agree on what a match is.
 */
export interface NormalisedText {
  /** NFC, half-width, lower case, Traditional Chinese folded to Simplified. Chinese phrases match here. */
  readonly text: string;
  /**
   * `text` with every run of characters other than letters, digits and % replaced by one space,
   * padded by a space at both ends: Vietnamese and Latin phrases match here, on word boundaries.
   */
  readonly words: string;
  /** `words` without Vietnamese diacritics (đ -> d); the same length as `words`, so offsets carry over. */
  readonly folded: string;
  /** True when the writer typed Vietnamese diacritics (then "tát" is not "tất"). */
  readonly marked: boolean;
  /** Offset in `words` -> offset in `text` (a collapsed separator maps to the first character it replaced). */
  readonly wordToText: Int32Array;
  /** Offset in `text` -> offset in `words` (a separator maps to the space that replaced it). */
  readonly textToWord: Int32Array;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}%]/u;

/** Full-width ASCII (Ａ, ０, ！) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The shared normal form of a phrase or message (see {@link NormalisedText.text}). */
export function normaliseForm(text: string): string {
  const lower = toHalfWidth(text.normalize('NFC')).toLowerCase();
  // OpenCC is the slow step; Vietnamese and Latin text has nothing for it to do.
  return HAN.test(lower) ? toSimplified(lower) : lower;
}

/** Folds each character on its own when folding the whole string would change its length. */
function foldSameLength(words: string): string {
  const folded = foldVietnamese(words);
  if (folded.length === words.length) return folded;
  let out = '';
  for (const ch of words) {
    const f = foldVietnamese(ch);
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

/** Normalises a message once; every compiled phrase matcher can then search it. */
export function normaliseText(raw: string): NormalisedText {
  const text = normaliseForm(raw);
  const textToWord = new Int32Array(text.length);
  const wordToText: number[] = [0];
  let words = ' ';
  let gapStart = -1;
  let i = 0;
  for (const ch of text) {
    if (WORD_CHAR.test(ch)) {
      if (gapStart >= 0 && words.length > 1) {
        for (let g = gapStart; g < i; g += 1) textToWord[g] = words.length;
        words += ' ';
        wordToText.push(gapStart);
      } else if (gapStart >= 0) {
        for (let g = gapStart; g < i; g += 1) textToWord[g] = 0;
      }
      gapStart = -1;
      for (let k = 0; k < ch.length; k += 1) {
        textToWord[i + k] = words.length + k;
        wordToText.push(i + k);
      }
      words += ch;
    } else if (gapStart < 0) {
      gapStart = i;
    }
    i += ch.length;
  }
  if (gapStart >= 0) for (let g = gapStart; g < text.length; g += 1) textToWord[g] = words.length;
  wordToText.push(gapStart >= 0 ? gapStart : text.length);
  words += ' ';
  return {
    text,
    words,
    folded: foldSameLength(words),
    marked: hasVietnameseLetters(text),
    wordToText: Int32Array.from(wordToText),
    textToWord,
  };
}
