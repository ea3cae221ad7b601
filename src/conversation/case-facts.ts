import { maskPii } from '../privacy/mask-pii.js';

/** Facts a staff member needs first, found offline in the worker's own words (masked). */
export interface CaseFacts {
  /** How long the worker has worked there: "3年", "两年半", "5 năm", "8 tháng". */
  readonly tenure: readonly string[];
  /** Sums of money: "5000元", "每月4500", "7 triệu". */
  readonly wages: readonly string[];
  /** Dates: "2024年3月5日", "3月5日", "5/3/2024", "ngày 5 tháng 3". */
  readonly dates: readonly string[];
  /** What the worker asks (their question sentences). */
  readonly asks: readonly string[];
  /** What happened (the other sentences). */
  readonly happened: readonly string[];
}

const NUM = '(?:\\d+(?:[.,]\\d+)?|[一二两三四五六七八九十百半]+)';
const TENURE = [
  new RegExp(`(?:工作|干|做|上班|入职)了?\\s*${NUM}\\s*(?:多)?(?:年|个月|個月)(?:半)?`, 'gu'),
  new RegExp(`${NUM}\\s*(?:年|个月|個月)(?:多|半)?(?=[^，。,.!?！？]{0,4}(?:工龄|工齡|了))`, 'gu'),
  /(?:làm(?: việc)?|được)\s+\d+\s*(?:năm|tháng)/giu,
];
const WAGES = [
  /(?:工资|工資|月薪|薪水|底薪|加班费|加班費|欠薪|欠了?|拖欠了?)[^\d，。,]{0,6}\d[\d,.]*\s*(?:万|萬|千)?\s*(?:元|块|塊|人民币)?/gu,
  /\d[\d,.]*\s*(?:万|萬|千)?\s*(?:元|块|塊)/gu,
  /\d[\d.,]*\s*(?:triệu|nghìn|ngàn|đồng|VND|vnđ|đ)(?![\p{L}])/giu,
];
const DATES = [
  /(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?/gu,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/gu,
  /\bngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?(?:\s+năm\s+\d{4})?/giu,
  /\btháng\s+\d{1,2}(?:\s+năm\s+\d{4})?/giu,
];
const QUESTION =
  /[?？]|吗|嗎|怎么|怎麼|如何|能不能|可以吗|可不可以|该不该|為什麼|为什么|多少|làm sao|thế nào|có được không|bao nhiêu|không\?|phải làm gì/iu;

function findAll(patterns: readonly RegExp[], text: string): string[] {
  const out: string[] = [];
  for (const p of patterns) for (const m of text.matchAll(p)) out.push(m[0].replace(/\s+/g, ' ').trim());
  return out;
}

const unique = (xs: readonly string[]) => [...new Set(xs)].filter((x) => !xs.some((y) => y !== x && y.includes(x)));

/** Splits at sentence ends, keeping short texts whole. */
const sentences = (text: string) =>
  text
    .split(/(?<=[。！？!?\n])|(?<=[.;；])\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** Extracts the facts from the worker's messages (oldest first). Masks personal numbers before anything else. */
export function extractCaseFacts(workerTexts: readonly string[]): CaseFacts {
  const masked = workerTexts.map((t) => maskPii(t));
  const all = masked.join('\n');
  const parts = masked.flatMap(sentences);
  return {
    tenure: unique(findAll(TENURE, all)).slice(0, 3),
    wages: unique(findAll(WAGES, all)).slice(0, 4),
    dates: unique(findAll(DATES, all)).slice(0, 4),
    asks: parts.filter((s) => QUESTION.test(s)).slice(-2),
    happened: parts.filter((s) => !QUESTION.test(s)).slice(0, 3),
  };
}
