import { roundMoney, requireNonNegative, type CalcCaveat, type CalcResult } from './types.js';

export interface VnSeveranceInput {
  /** Whole months actually worked for this employer. */
  readonly workedMonths: number;
  /** Months of that time covered by unemployment insurance (or already paid out as severance). */
  readonly insuredMonths: number;
  /** Average monthly wage of the 6 months before leaving, per the contract. */
  readonly monthlyWage: number;
}

/**
 * Years counted for severance and job-loss allowance (Nghị định 145/2020 Điều 8
 * khoản 3 điểm c): whole years; a rest of up to 6 months counts as half a
 * year, more than 6 months as a full year.
 */
export function vnCountedYears(months: number): number {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (rest === 0) return years;
  return rest <= 6 ? years + 0.5 : years + 1;
}

function checkInput(input: VnSeveranceInput): number {
  requireNonNegative('monthlyWage', input.monthlyWage);
  for (const [name, v] of [
    ['workedMonths', input.workedMonths],
    ['insuredMonths', input.insuredMonths],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be an integer >= 0, got ${v}`);
  }
  return Math.max(input.workedMonths - input.insuredMonths, 0);
}

/** Trợ cấp thôi việc (Điều 46 BLLĐ 2019): half a month's wage per counted year, from 12 months' work. */
export function vnSeverance(input: VnSeveranceInput): CalcResult {
  const netMonths = checkInput(input);
  const eligible = input.workedMonths >= 12;
  const years = eligible ? vnCountedYears(netMonths) : 0;
  const caveats: CalcCaveat[] = eligible ? ['vn_ui_deducted'] : ['under_twelve_months'];
  return {
    kind: 'vn_severance',
    inputs: { workedMonths: input.workedMonths, insuredMonths: input.insuredMonths, monthlyWage: input.monthlyWage },
    result: roundMoney(years * 0.5 * input.monthlyWage, 0),
    unit: 'VND',
    formula: 'vn_severance',
    formulaValues: { netMonths, years },
    citations: ['vn/bo-luat-lao-dong-2019#46', 'vn/nghi-dinh-145-2020-nd-cp#8'],
    caveats: [...caveats, 'collective_agreement'],
  };
}

/**
 * Trợ cấp mất việc làm (Điều 47 BLLĐ 2019): one month's wage per counted year, at least two months,
 * from 12 months' work.
 */
export function vnJobLoss(input: VnSeveranceInput): CalcResult {
  const netMonths = checkInput(input);
  const eligible = input.workedMonths >= 12;
  const years = eligible ? vnCountedYears(netMonths) : 0;
  const months = eligible ? Math.max(years, 2) : 0;
  return {
    kind: 'vn_job_loss',
    inputs: { workedMonths: input.workedMonths, insuredMonths: input.insuredMonths, monthlyWage: input.monthlyWage },
    result: roundMoney(months * input.monthlyWage, 0),
    unit: 'VND',
    formula: 'vn_job_loss',
    formulaValues: { netMonths, years, months },
    citations: ['vn/bo-luat-lao-dong-2019#47', 'vn/nghi-dinh-145-2020-nd-cp#8'],
    caveats: [eligible ? 'vn_ui_deducted' : 'under_twelve_months', 'collective_agreement'],
  };
}
