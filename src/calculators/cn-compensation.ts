import { roundMoney, requireNonNegative, type CalcCaveat, type CalcResult } from './types.js';
import { splitYears, type Tenure } from './tenure.js';

export interface CnCompensationInput {
  readonly tenure: Tenure;
  /** Average monthly wage of the last 12 months before the contract ended (劳动合同法 47 para 3). */
  readonly monthlyWage: number;
  /** Local average monthly wage of the previous year, published by the city; undefined when unknown. */
  readonly localAverageWage?: number | undefined;
}

/**
 * Months of wages owed by 《劳动合同法》第四十七条: one per full year; a rest of
 * six months or more counts as a year, a rest under six months as half.
 */
export function compensationMonths(t: Tenure): number {
  const { years, restMonths, restDays } = splitYears(t);
  if (restMonths >= 6) return years + 1;
  if (restMonths > 0 || restDays > 0) return years + 0.5;
  return years;
}

/** Economic compensation N (劳动合同法 47), with the 3x local average wage / 12-year cap when the local figure is known. */
export function cnCompensation(input: CnCompensationInput): CalcResult {
  requireNonNegative('monthlyWage', input.monthlyWage);
  if (input.localAverageWage !== undefined) requireNonNegative('localAverageWage', input.localAverageWage);
  let months = compensationMonths(input.tenure);
  let base = input.monthlyWage;
  const caveats: CalcCaveat[] = [];
  const capped = input.localAverageWage !== undefined && input.monthlyWage > 3 * input.localAverageWage;
  if (capped) {
    base = 3 * input.localAverageWage!;
    months = Math.min(months, 12);
    caveats.push('local_cap_applied');
  } else if (input.localAverageWage === undefined) {
    caveats.push('local_cap_unknown');
  }
  caveats.push('min_wage_floor');
  return {
    kind: 'cn_compensation',
    inputs: {
      tenureMonths: input.tenure.months,
      tenureDays: input.tenure.days,
      monthlyWage: input.monthlyWage,
      ...(input.localAverageWage === undefined ? {} : { localAverageWage: input.localAverageWage }),
    },
    result: roundMoney(months * base),
    unit: 'CNY',
    formula: capped ? 'cn_compensation_capped' : 'cn_compensation',
    formulaValues: { months, base: roundMoney(base) },
    citations: ['cn/labor-contract-law#47', 'cn/labor-contract-law-implementing-regulations#27'],
    caveats,
  };
}
