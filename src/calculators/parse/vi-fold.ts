/**
 * Vietnamese typed without diacritics ("lam 3 nam luong 7 trieu") is common.
 * The parsers then run on text with the marks stripped, with the same
 * patterns stripped the same way (derived once per pattern).
 */

import { stripVietnameseMarks } from '../../language/vietnamese.js';

/** Removes tone and vowel marks and folds đ to d, keeping case and everything else. */
export const stripMarks = stripVietnameseMarks;

const cache = new Map<RegExp, RegExp>();

/** The pattern itself, or its mark-free twin when the text was folded. */
export function viRe(re: RegExp, folded: boolean): RegExp {
  if (!folded) return re;
  let twin = cache.get(re);
  if (!twin) {
    twin = new RegExp(stripMarks(re.source), re.flags);
    cache.set(re, twin);
  }
  return twin;
}
