import { roundMoney, requireNonNegative, type CalcCaveat, type CalcResult } from './types.js';

export interface CnOvertimeInput {
  readonly monthlyWage: number;
  /** Hours beyond the working day (150 %). */
  readonly weekdayHours?: number | undefined;
  /** Hours on a rest day with no time off in lieu (200 %). */
  readonly restDayHours?: number | undefined;
  /** Hours on a statutory holiday (300 %). */
  readonly holidayHours?: number | undefined;
}

/** Monthly paid hours: 21.75 days x 8 hours (劳社部发〔2008〕3号, section 2). */
export const CN_MONTHLY_PAID_HOURS = 21.75 * 8;

/** Overtime pay by 《劳动法》第四十四条 at the statutory minimum rates, hourly wage = monthly / 174. */
export function cnOvertime(input: CnOvertimeInput): CalcResult {
  const w = input.weekdayHours ?? 0;
  const r = input.restDayHours ?? 0;
  const h = input.holidayHours ?? 0;
  requireNonNegative('monthlyWage', input.monthlyWage);
  for (const [name, v] of [
    ['weekdayHours', w],
    ['restDayHours', r],
    ['holidayHours', h],
  ] as const)
    requireNonNegative(name, v);
  const hourly = input.monthlyWage / CN_MONTHLY_PAID_HOURS;
  const caveats: CalcCaveat[] = ['higher_contract_rate'];
  // 劳动法 41: at most 36 hours a month; more is itself a violation worth naming.
  if (w + r + h > 36) caveats.push('cn_ot_monthly_limit');
  return {
    kind: 'cn_overtime',
    inputs: { monthlyWage: input.monthlyWage, weekdayHours: w, restDayHours: r, holidayHours: h },
    result: roundMoney(hourly * (1.5 * w + 2 * r + 3 * h)),
    unit: 'CNY',
    formula: 'cn_overtime',
    formulaValues: { hourly: roundMoney(hourly), w, r, h },
    citations: [
      'cn/labor-law#44',
      'cn/monthly-working-days-wage-conversion-notice#s2',
      ...(w + r + h > 36 ? ['cn/labor-law#41'] : []),
    ],
    caveats,
  };
}
