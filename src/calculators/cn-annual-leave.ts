import { roundMoney, requireNonNegative, type CalcResult } from './types.js';
import type { Tenure } from './tenure.js';

/** Statutory annual leave days by cumulative working time (职工带薪年休假条例 3): 5 / 10 / 15. */
export function cnAnnualLeaveDaysFor(cumulative: Tenure): number {
  const years = cumulative.months / 12;
  if (years >= 20) return 15;
  if (years >= 10) return 10;
  if (years >= 1) return 5;
  return 0;
}

export function cnAnnualLeaveDays(input: { readonly cumulative: Tenure }): CalcResult {
  return {
    kind: 'cn_annual_leave_days',
    inputs: { tenureMonths: input.cumulative.months, tenureDays: input.cumulative.days },
    result: cnAnnualLeaveDaysFor(input.cumulative),
    unit: 'days',
    formula: 'cn_annual_leave_days',
    formulaValues: { years: Math.floor(input.cumulative.months / 12) },
    citations: [
      'cn/paid-annual-leave-regulations#3',
      'cn/paid-annual-leave-regulations#2',
      'cn/enterprise-paid-annual-leave-measures#4',
      'cn/enterprise-paid-annual-leave-measures#13',
    ],
    caveats: ['collective_agreement'],
  };
}

/**
 * Pay still owed for untaken leave days: 300 % of the daily wage includes the
 * normal pay already received (实施办法 10), so 200 % remains; daily wage =
 * monthly / 21.75 (实施办法 11).
 */
export function cnAnnualLeavePay(input: { readonly untakenDays: number; readonly monthlyWage: number }): CalcResult {
  requireNonNegative('untakenDays', input.untakenDays);
  requireNonNegative('monthlyWage', input.monthlyWage);
  const daily = input.monthlyWage / 21.75;
  return {
    kind: 'cn_annual_leave_pay',
    inputs: { untakenDays: input.untakenDays, monthlyWage: input.monthlyWage },
    result: roundMoney(daily * 2 * input.untakenDays),
    unit: 'CNY',
    formula: 'cn_annual_leave_pay',
    formulaValues: { daily: roundMoney(daily), days: input.untakenDays },
    citations: [
      'cn/paid-annual-leave-regulations#5',
      'cn/enterprise-paid-annual-leave-measures#10',
      'cn/enterprise-paid-annual-leave-measures#11',
      'cn/enterprise-paid-annual-leave-measures#12',
      'cn/enterprise-paid-annual-leave-measures#13',
    ],
    caveats: ['leave_prorated', 'collective_agreement'],
  };
}
