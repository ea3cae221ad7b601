import { parseChineseNumeral } from '../language/chinese-numerals.js';

const CN_NUM = '[零〇一二两三四五六七八九十百千\\d.]+';
// Quantities as statutes state them: days, months, years, hours, multiples, percentages.
const CN_QUANTITY = new RegExp(`(${CN_NUM})(个月|个工作日|日|天|倍|年|小时|周岁|周|个月工资)`, 'gu');
const CN_PERCENT = new RegExp(`百分之(${CN_NUM})`, 'gu');
const VI_QUANTITY = /(\d+(?:[.,]\d+)*)\s*(%|ngày|tháng|năm|giờ|tuổi|lần)/giu;
const PLAIN_PERCENT = /(\d+(?:\.\d+)?)\s*%/gu;

function num(text: string): string | undefined {
  const n = /^[\d.]+$/.test(text) ? Number(text) : parseChineseNumeral(text);
  return n === undefined || Number.isNaN(n) ? undefined : String(n);
}

/** Unit families, so 30日 and 三十天 compare equal. */
function unitKey(unit: string): string {
  const u = unit.toLowerCase();
  if (u === '日' || u === '天' || u === 'ngày') return 'day';
  if (u === '个月' || u === 'tháng' || u === '个月工资') return 'month';
  if (u === '年' || u === 'năm') return 'year';
  if (u === '小时' || u === 'giờ') return 'hour';
  if (u === '倍' || u === 'lần') return 'times';
  if (u === '%') return 'percent';
  return u;
}

/**
 * The legal quantities a text states ("30:day", "2:times", "150:percent"),
 * with Chinese numerals and Arabic digits normalised, so a drafted answer's
 * numbers can be checked against the cited article.
 */
export function extractQuantities(text: string): Set<string> {
  const out = new Set<string>();
  const add = (value: string | undefined, unit: string) => {
    if (value !== undefined) out.add(`${value}:${unitKey(unit)}`);
  };
  for (const m of text.matchAll(CN_QUANTITY)) add(num(m[1]!), m[2]!);
  for (const m of text.matchAll(CN_PERCENT)) add(num(m[1]!), '%');
  for (const m of text.matchAll(VI_QUANTITY)) add(num(m[1]!.replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.')), m[2]!);
  for (const m of text.matchAll(PLAIN_PERCENT)) add(num(m[1]!), '%');
  // 双倍 / 两倍 / gấp đôi mean two times.
  if (/双倍|两倍|二倍|gấp đôi/u.test(text)) out.add('2:times');
  return out;
}
