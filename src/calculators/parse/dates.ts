import { parseIsoDate } from '../dates.js';
import type { Found } from './found.js';
import { viRe } from './vi-fold.js';

/**
 * Dates as workers write them: 2024年3月15日, 2024年3月 (day 1), 2024-03-15,
 * 2024/3/15, 2024.3.15, 15/3/2024, 3/2024, "ngày 15 tháng 3 năm 2024", "tháng 3/2024".
 */
const PATTERNS: readonly { re: RegExp; ymd: (m: RegExpMatchArray) => [number, number, number] }[] = [
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号號])?/g,
    ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)],
  },
  {
    re: /(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d])/g,
    ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)],
  },
  {
    re: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu,
    ymd: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
  },
  { re: /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/g, ymd: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
  { re: /(?<![\d/.-])(?:tháng\s+)?(\d{1,2})[/.-](\d{4})(?![\d/.-])/giu, ymd: (m) => [Number(m[2]), Number(m[1]), 1] },
];

function iso(y: number, m: number, d: number): string | undefined {
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  try {
    parseIsoDate(s);
    return y >= 1950 && y <= 2100 ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Dates in the text, in reading order; overlapping matches keep the first (most specific) pattern. */
export function findDates(text: string, folded = false): Found<string>[] {
  const out: Found<string>[] = [];
  for (const { re, ymd } of PATTERNS) {
    for (const m of text.normalize('NFC').matchAll(viRe(re, folded))) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((f) => start < f.end && end > f.start)) continue;
      const value = iso(...ymd(m));
      if (value) out.push({ value, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
