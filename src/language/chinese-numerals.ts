/**
 * Chinese numerals as used in statute labels (第八十二条, 第一百零三条, 第二百二十条).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses a Chinese (or Arabic, or full-width) numeral below 10,000.
 * Returns undefined for anything that is not a numeral.
 * @example parseChineseNumeral('八十二') === 82; parseChineseNumeral('十') === 10
 */
export function parseChineseNumeral(text: string): number | undefined {
  const s = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (s === '') return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let pending: number | undefined;
  for (const ch of s) {
    const digit = DIGITS[ch];
    const unit = UNITS[ch];
    if (digit !== undefined) {
      pending = digit;
    } else if (unit !== undefined) {
      // "十二" has no leading digit: it means one ten.
      total += (pending ?? 1) * unit;
      pending = undefined;
    } else {
      return undefined;
    }
  }
  return total + (pending ?? 0);
}

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * Writes a number (1..9999) the way statutes number articles.
 * @example toChineseNumeral(82) === '八十二'; toChineseNumeral(103) === '一百零三'; toChineseNumeral(10) === '十'
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (thousands) out += `${DIGIT_CHARS[thousands]}千`;
  if (hundreds) out += `${DIGIT_CHARS[hundreds]}百`;
  else if (thousands && (tens || ones)) out += '零';
  if (tens) out += n < 20 && !thousands && !hundreds ? '十' : `${DIGIT_CHARS[tens]}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGIT_CHARS[ones];
  return out;
}
