/**
 * Vietnamese normalisation. Workers often type without diacritics
 * ("cong ty no luong"), so matching also runs on a folded form.
 */

/** Unicode NFC, lower case: the canonical form of Vietnamese text for matching. */
export function normalizeVietnamese(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Removes tone and vowel marks and maps đ to d, keeping case: "Công ty" -> "Cong ty". */
export function stripVietnameseMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Removes Vietnamese diacritics and maps đ to d: "công ty nợ lương" -> "cong ty no luong". */
export function foldVietnamese(text: string): string {
  return stripVietnameseMarks(text).toLowerCase();
}

/** Letters that only Vietnamese (among our languages) writes. */
const VIETNAMESE_LETTERS = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/iu;

/** True when the text carries Vietnamese-specific letters. */
export function hasVietnameseLetters(text: string): boolean {
  return VIETNAMESE_LETTERS.test(text.normalize('NFC'));
}
