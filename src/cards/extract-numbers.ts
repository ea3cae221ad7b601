import { parseChineseNumeral } from '../language/chinese-numerals.js';

const ARABIC = /\d+(?:[.,]\d{3})*(?:[.,]\d+)?/g;
const HAN_NUMERAL = /[零〇一二两兩三四五六七八九十百千]+/g;

/**
 * The numbers a text states (durations, percentages, multiples, amounts),
 * Arabic or Chinese, full-width folded. A bare 1 ("一次", "一般") is left
 * out: it is ordinary language far more often than a fact. Vietnamese
 * thousands dots (5.310.000) and leading zeros (06 tháng) are normalised.
 */
export function extractNumbers(text: string): Set<number> {
  const s = text.normalize('NFKC');
  const out = new Set<number>();
  for (const m of s.match(ARABIC) ?? []) {
    const value = /^\d{1,3}([.,]\d{3})+$/.test(m) ? Number(m.replace(/[.,]/g, '')) : Number(m.replace(',', '.'));
    if (Number.isFinite(value)) out.add(value);
  }
  for (const m of s.match(HAN_NUMERAL) ?? []) {
    // "百分之一百五十" splits into 百 / 一百五十; a lone unit character is no number.
    if (/^[十百千]$/.test(m) && m !== '十') continue;
    const value = parseChineseNumeral(m);
    if (value !== undefined) out.add(value);
  }
  out.delete(1);
  return out;
}
