import { parseChineseNumeral } from '../../language/chinese-numerals.js';

/**
 * Number words as workers type them: Arabic digits with thousands
 * separators ("6,000", "6.000.000"), Chinese numerals with 万 ("一万二",
 * "1万2", "两万五"), and Vietnamese number words ("sáu", "mười hai").
 */

const CN_NUM = '[零〇一二两兩三四五六七八九十百千]';

/**
 * Parses an Arabic number written with ',' or '.' separators. A single separator followed by 1-2
 * digits is a decimal point.
 */
export function parseArabic(raw: string): number | undefined {
  const s = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  if (/^\d+[.,]\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+$/.test(s)) return Number(s);
  return undefined;
}

/** Parses a Chinese numeral including 万 ("一万二" = 12000, "三万" = 30000, "两千五" = 2500). */
export function parseChineseAmount(raw: string): number | undefined {
  const s = raw.trim();
  const wan = s.indexOf('万');
  if (wan >= 0) {
    const head = s.slice(0, wan);
    const tail = s.slice(wan + 1);
    const high = head === '' ? 1 : parseChineseAmount(head);
    if (high === undefined) return undefined;
    if (tail === '') return high * 10000;
    // "一万二" means 12000: a lone digit after 万 is thousands.
    const low = parseChineseNumeral(tail);
    if (low === undefined) return undefined;
    return high * 10000 + (/^\S$/.test(tail) && low < 10 ? low * 1000 : low);
  }
  const arabic = parseArabic(s);
  if (arabic !== undefined) return arabic;
  const v = parseChineseNumeral(s);
  if (v === undefined) return undefined;
  // "两千五" = 2500, "八千五" = 8500: a trailing lone digit after 千 is hundreds; after 百 it is tens.
  const m = /([千百])([一二两三四五六七八九])$/.exec(s);
  if (m) return v - parseChineseNumeral(m[2]!)! + parseChineseNumeral(m[2]!)! * (m[1] === '千' ? 100 : 10);
  return v;
}

export const CN_NUMBER = `(?:\\d+(?:[,.]\\d+)*|${CN_NUM}+)`;

const VI_DIGITS: Readonly<Record<string, number>> = {
  không: 0,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  mươi: 10,
  // Typed without marks (mười and mươi both become muoi: position decides).
  khong: 0,
  mot: 1,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};

/** Vietnamese number words below 100 ("sáu" = 6, "mười hai" = 12, "hai mươi lăm" = 25). */
export function parseVietnameseWords(raw: string): number | undefined {
  const words = raw.toLowerCase().normalize('NFC').trim().split(/\s+/);
  if (words.length === 0 || words.length > 3) return undefined;
  const values = words.map((w) => VI_DIGITS[w]);
  if (values.some((v) => v === undefined)) return undefined;
  const [a, b, c] = values as number[];
  if (words.length === 1) return a;
  if (words[0] === 'mười' || words[0] === 'muoi') return words.length === 2 ? 10 + b! : undefined;
  if (words[1] === 'mươi' || words[1] === 'muoi') return a! * 10 + (c ?? 0);
  return undefined;
}

export const VI_NUMBER_WORD =
  '(?:(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi)' +
  '(?:\\s+(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi)){0,2})';

/** Any number token: digits, Chinese numeral or Vietnamese words. */
export function parseAnyNumber(raw: string): number | undefined {
  return parseArabic(raw) ?? parseChineseAmount(raw) ?? parseVietnameseWords(raw);
}
