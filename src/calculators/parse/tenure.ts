import { monthsBetween } from '../dates.js';
import type { Tenure } from '../tenure.js';
import { CN_NUMBER, parseAnyNumber, VI_NUMBER_WORD } from './numbers.js';
import { findDates } from './dates.js';
import { viRe } from './vi-fold.js';
import type { Found } from './found.js';

const N = `(${CN_NUMBER}|${VI_NUMBER_WORD})`;

/** Chinese: "5年零3个月", "两年半", "4年8个月", "半年", "18个月", "8年", "一年多" (not exact: skipped). */
const CN_TENURE = new RegExp(
  `(?:(${CN_NUMBER})\\s*(?:周年|年)(半)?(?:\\s*零?\\s*(${CN_NUMBER})\\s*个?\\s*(?:月|個月))?` +
    `|(半)年|(${CN_NUMBER})\\s*(?:个|個)\\s*(半)?\\s*月)`,
  'g',
);
/** Vietnamese: "4 năm 3 tháng", "2 năm rưỡi", "18 tháng", "nửa năm". */
const VI_TENURE = new RegExp(
  `(?:${N}\\s+năm(\\s+rưỡi)?(?:\\s+(?:và\\s+)?${N}\\s+tháng)?|(nửa)\\s+năm|${N}\\s+tháng(\\s+rưỡi)?)`,
  'giu',
);

function months(years: number, m: number): Tenure | undefined {
  const total = years * 12 + m;
  if (!Number.isFinite(total) || total < 0 || total > 600) return undefined;
  return { months: Math.floor(total), days: Math.round((total - Math.floor(total)) * 30) };
}

/** Every tenure phrase in the text, in order. Years followed by a month day (2019年3月) are dates, not tenure. */
export function findTenures(text: string, folded = false): Found<Tenure>[] {
  const out: Found<Tenure>[] = [];
  for (const m of text.matchAll(CN_TENURE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (m[1] !== undefined && /^\d{4}$/.test(m[1])) continue; // 2019年 is a year
    if (/^\d/.test(after) && m[3] === undefined && m[1] !== undefined) continue;
    if (/^[多余]/.test(after) && m[3] === undefined) continue; // "一年多" is not an exact tenure
    let t: Tenure | undefined;
    if (m[1] !== undefined)
      t = months(
        parseAnyNumber(m[1]) ?? NaN,
        (m[2] ? 6 : 0) + (m[3] !== undefined ? (parseAnyNumber(m[3]) ?? NaN) : 0),
      );
    else if (m[4]) t = months(0, 6);
    else if (m[5] !== undefined) t = months(0, (parseAnyNumber(m[5]) ?? NaN) + (m[6] ? 0.5 : 0));
    if (t) out.push({ value: t, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.normalize('NFC').matchAll(viRe(VI_TENURE, folded))) {
    let t: Tenure | undefined;
    if (m[1] !== undefined) {
      if (/^\d{4}$/.test(m[1])) continue;
      t = months(
        parseAnyNumber(m[1]) ?? NaN,
        (m[2] ? 6 : 0) + (m[3] !== undefined ? (parseAnyNumber(m[3]) ?? NaN) : 0),
      );
    } else if (m[4]) t = months(0, 6);
    else if (m[5] !== undefined) t = months(0, (parseAnyNumber(m[5]) ?? NaN) + (m[6] ? 0.5 : 0));
    if (t) out.push({ value: t, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Tenure from two dates in the text ("2019年3月入职，2024年8月离职", "từ 01/3/2019 đến 15/8/2024"). */
export function tenureFromDates(text: string, folded = false): Found<Tenure> | undefined {
  const dates = findDates(text, folded);
  if (dates.length < 2) return undefined;
  const [a, b] = [dates[0]!, dates[dates.length - 1]!];
  if (b.value < a.value) return undefined;
  const span = monthsBetween(a.value, b.value);
  return { value: span, start: a.start, end: b.end };
}
