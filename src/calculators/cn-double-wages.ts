import { roundMoney, requireNonNegative, type CalcCaveat, type CalcResult } from './types.js';
import type { Tenure } from './tenure.js';

export interface CnDoubleWagesInput {
  /** Time worked since the first day without a written contract. */
  readonly withoutContract: Tenure;
  readonly monthlyWage: number;
}

/**
 * The unpaid half of the double wages for working without a written contract
 * (劳动合同法 82; 实施条例 6, 7): from the day after the first month until the
 * day before the first year, so at most 11 months. Only whole months are
 * counted here; the worker has already received the normal wage once.
 */
export function cnDoubleWages(input: CnDoubleWagesInput): CalcResult {
  requireNonNegative('monthlyWage', input.monthlyWage);
  const months = Math.min(Math.max(input.withoutContract.months - 1, 0), 11);
  const caveats: CalcCaveat[] = [];
  if (input.withoutContract.months >= 12) caveats.push('open_ended_deemed');
  return {
    kind: 'cn_double_wages',
    inputs: {
      tenureMonths: input.withoutContract.months,
      tenureDays: input.withoutContract.days,
      monthlyWage: input.monthlyWage,
    },
    result: roundMoney(months * input.monthlyWage),
    unit: 'CNY',
    formula: 'cn_double_wages',
    formulaValues: { months },
    citations: [
      'cn/labor-contract-law#82',
      'cn/labor-contract-law-implementing-regulations#6',
      'cn/labor-contract-law-implementing-regulations#7',
      ...(input.withoutContract.months >= 12 ? ['cn/labor-contract-law#14'] : []),
    ],
    caveats,
  };
}
