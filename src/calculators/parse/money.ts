import type { Found } from './found.js';
import { parseAnyNumber, parseArabic, parseChineseAmount, VI_NUMBER_WORD } from './numbers.js';
import { stripMarks, viRe } from './vi-fold.js';

/**
 * Amounts of money as workers type them. Chinese: "6000", "6千", "6k",
 * "1.2万", "一万二", "八千五", "6000元/块". Vietnamese: "6tr", "6 triệu",
 * "6tr5", "6,5 triệu", "sáu triệu", "6.000.000đ", "500k", "500 nghìn".
 */

const CN_AMOUNT =
  /((?:\d+(?:[,.]\d+)*|[零〇一二两兩三四五六七八九十百千]+)\s*万\s*[零〇一二两兩三四五六七八九十百千\d]*|\d+(?:[,.]\d+)*\s*(?:千|[kK]|w|W)(?:\s*[一二三四五六七八九\d](?![\d万千]))?|[零〇一二两兩三四五六七八九十百]+千[零〇一二两兩三四五六七八九十百]*|\d+(?:[,.]\d+)*)\s*(元|块|塊|人民币)?/g;

function cnValue(raw: string): number | undefined {
  const s = raw.replace(/\s/g, '');
  const k = /^(\d+(?:[,.]\d+)*)(千|k|K|w|W)(\d|[一二三四五六七八九])?$/.exec(s);
  if (k) {
    const head = parseArabic(k[1]!);
    if (head === undefined) return undefined;
    const unit = k[2] === 'w' || k[2] === 'W' ? 10000 : 1000;
    const tail = k[3] === undefined ? 0 : ((parseAnyNumber(k[3]) ?? 0) * unit) / 10;
    return head * unit + tail;
  }
  const w = /^(\d+(?:[,.]\d+)*)万(.*)$/.exec(s);
  if (w) {
    const head = parseArabic(w[1]!);
    if (head === undefined) return undefined;
    if (w[2] === '') return head * 10000;
    const tail = parseChineseAmount(w[2]!);
    if (tail === undefined) return undefined;
    return head * 10000 + (w[2]!.length === 1 && tail < 10 ? tail * 1000 : tail);
  }
  return parseChineseAmount(s);
}

/** Chinese-style amounts with their span; `explicitUnit` when 元/块/千/万/k marks it as money. */
export function findCnAmounts(text: string): (Found<number> & { explicitUnit: boolean })[] {
  const out: (Found<number> & { explicitUnit: boolean })[] = [];
  for (const m of text.matchAll(CN_AMOUNT)) {
    const value = cnValue(m[1]!);
    if (value === undefined || !Number.isFinite(value)) continue;
    out.push({
      value,
      start: m.index,
      end: m.index + m[0].length,
      explicitUnit: m[2] !== undefined || /[千万kKwW]/.test(m[1]!),
    });
  }
  return out;
}

const VI_AMOUNT = new RegExp(
  `(\\d+(?:[.,]\\d+)*|${VI_NUMBER_WORD})\\s*(triệu|tr|củ|chai|nghìn|ngàn|ngan|nghin|k|đồng|đ|vnd|vnđ)` +
    `(?![\\p{L}])\\s*(\\d{1,3}(?!\\d)(?![.,]\\d))?`,
  'giu',
);

/** Vietnamese-style amounts with their span; `explicitUnit` when a unit (triệu, tr, k, đ...) was written. */
export function findViAmounts(text: string, folded = false): (Found<number> & { explicitUnit: boolean })[] {
  const out: (Found<number> & { explicitUnit: boolean })[] = [];
  for (const m of text.matchAll(viRe(VI_AMOUNT, folded))) {
    const head = parseArabic(m[1]!) ?? parseAnyNumber(m[1]!);
    if (head === undefined) continue;
    const unit = stripMarks(m[2]!.toLowerCase());
    const scale = ['trieu', 'tr', 'cu', 'chai'].includes(unit)
      ? 1_000_000
      : ['nghin', 'ngan', 'k'].includes(unit)
        ? 1000
        : 1;
    // "6tr5" = 6.5 million, "6tr500" = 6.5 million: the tail is a fraction of the unit.
    const tail = m[3] === undefined || scale === 1 ? 0 : (Number(m[3]) * scale) / 10 ** m[3].length;
    out.push({
      value: Math.round(head * scale + tail),
      start: m.index,
      end: m.index + m[0].length,
      explicitUnit: true,
    });
  }
  // Bare numbers with thousands dots ("6.000.000") are money in Vietnamese messages.
  for (const m of text.matchAll(/(?<![\d.,])\d{1,3}(?:[.,]\d{3}){2,}(?![\d.,])/g)) {
    if (out.some((f) => m.index >= f.start && m.index < f.end)) continue;
    const v = parseArabic(m[0]);
    if (v !== undefined) out.push({ value: v, start: m.index, end: m.index + m[0].length, explicitUnit: false });
  }
  return out.sort((a, b) => a.start - b.start);
}
