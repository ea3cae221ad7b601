import type { Lang } from '../core/types.js';
import type { CalcTexts } from './load-calculator-data.js';
import type { Facts } from './parse/extract-facts.js';
import type { CalcKind, CalcResult } from './types.js';
import type { NeededFact } from './compute.js';

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

/** Money as the worker's script writes it: 31500 / 31.500.000. */
export function formatNumber(value: number, lang: Lang): string {
  if (lang !== 'vi') return String(value);
  const [int, dec] = String(value).split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (dec ? `,${dec}` : '');
}

function formatFact(key: string, value: unknown, t: CalcTexts, lang: Lang): string {
  const v = t.values;
  if (key === 'tenure' || (key === 'insuredMonths' && typeof value === 'number')) {
    const months = key === 'tenure' ? (value as { months: number; days: number }).months : (value as number);
    const days = key === 'tenure' ? (value as { months: number; days: number }).days : 0;
    const y = Math.floor(months / 12);
    const m = months % 12;
    const base =
      y > 0 && m > 0
        ? fill(v.years_months!, { years: y, months: m })
        : y > 0
          ? fill(v.years!, { years: y })
          : fill(v.months!, { months: m });
    return days > 0 ? `${base}${lang === 'vi' ? ' ' : ''}${fill(v.days_suffix!, { days })}` : base;
  }
  if (key === 'contractTerm') return value === 'open' ? v.open! : fill(v.months!, { months: value as number });
  if (['wage', 'localAverageWage', 'hourlyWage'].includes(key))
    return fill(v.money!, { amount: formatNumber(value as number, lang) });
  if (key.endsWith('Hours')) return fill(v.hours!, { hours: value as number });
  if (key === 'untakenDays') return fill(v.days!, { days: value as number });
  if (typeof value === 'boolean') return value ? v.yes! : v.no!;
  if (typeof value === 'string' && v[value] !== undefined) return v[value]!;
  return String(value);
}

/** "已知：工作年限 5年3个月；月工资 6000元" — what the bot understood, so the worker can correct it. */
export function knownLine(facts: Facts, t: CalcTexts, lang: Lang, shown?: readonly string[]): string | undefined {
  const parts = Object.entries(facts)
    .filter(([k, v]) => v !== undefined && t.labels[k] !== undefined && (!shown || shown.includes(k)))
    .map(([k, v]) => `${t.labels[k]} ${formatFact(k, v, t, lang)}`);
  if (parts.length === 0) return undefined;
  return `${t.labels.known}${lang === 'vi' ? ': ' : '：'}${parts.join(lang === 'vi' ? '; ' : '；')}`;
}

/** The follow-up question for a missing fact, preferring a calculator-specific wording. */
export function questionText(kind: CalcKind, fact: NeededFact, t: CalcTexts): string {
  if (
    fact === 'wage' &&
    kind.startsWith('cn_') &&
    !['cn_compensation', 'cn_unlawful_termination', 'cn_notice_pay'].includes(kind)
  )
    return t.questions.wage_plain ?? t.questions.wage!;
  return t.questions[`${fact}_${kind}`] ?? t.questions[fact] ?? fact;
}

/** The formula line with the figures filled in. */
export function formulaLine(r: CalcResult, t: CalcTexts, lang: Lang): string {
  const formulaValues = Object.fromEntries(
    Object.entries(r.formulaValues).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, lang) : v]),
  );
  return fill(t.formulas[r.formula] ?? '', formulaValues);
}

/** Result line, inputs, formula line, caveats, citation labels and disclaimer. */
export function renderResult(
  r: CalcResult,
  facts: Facts,
  t: CalcTexts,
  lang: Lang,
  labels: readonly string[],
  shown?: readonly string[],
): string[] {
  const value = typeof r.result === 'number' ? formatNumber(r.result, lang) : r.result;
  const resultLine =
    r.result === 'not_running' ? t.results.not_running! : fill(t.results[r.unit] ?? '{value}', { value });
  const lines = [resultLine, knownLine(facts, t, lang, shown), formulaLine(r, t, lang)];
  const caveats = r.caveats.map((c) => t.caveats[c]).filter((c): c is string => c !== undefined);
  return [
    ...lines.filter((l): l is string => l !== undefined && l !== ''),
    ...(caveats.length ? [caveats.join(lang === 'vi' ? ' ' : '')] : []),
    `${t.sources_heading}${lang === 'vi' ? ' ' : ''}${labels.join(lang === 'vi' ? '; ' : '、')}`,
    t.disclaimer,
  ];
}
