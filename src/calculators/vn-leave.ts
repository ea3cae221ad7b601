import { roundMoney, type CalcResult } from './types.js';

/** Working conditions that set the annual leave base (Điều 113 khoản 1). */
export const VN_LEAVE_BASE = { normal: 12, heavy: 14, special: 16 } as const;
export type VnLeaveCategory = keyof typeof VN_LEAVE_BASE;

/**
 * Annual leave days with one employer (Điều 113, 114 BLLĐ 2019): 12 / 14 / 16
 * working days plus one per full 5 years; under 12 months, pro rata by months
 * (Nghị định 145 Điều 66 khoản 1).
 */
export function vnAnnualLeave(input: {
  readonly workedMonths: number;
  readonly category: VnLeaveCategory;
}): CalcResult {
  if (!Number.isInteger(input.workedMonths) || input.workedMonths < 0)
    throw new RangeError(`workedMonths must be an integer >= 0, got ${input.workedMonths}`);
  const base = VN_LEAVE_BASE[input.category];
  const seniority = Math.floor(input.workedMonths / 60);
  const full = input.workedMonths >= 12;
  return {
    kind: 'vn_annual_leave',
    inputs: { workedMonths: input.workedMonths, category: input.category },
    result: full ? base + seniority : roundMoney((base * input.workedMonths) / 12),
    unit: 'working_days',
    formula: full ? 'vn_annual_leave' : 'vn_annual_leave_prorated',
    formulaValues: { base, seniority, months: input.workedMonths },
    citations: [
      'vn/bo-luat-lao-dong-2019#113',
      'vn/bo-luat-lao-dong-2019#114',
      ...(full ? [] : ['vn/nghi-dinh-145-2020-nd-cp#66']),
    ],
    caveats: full ? ['collective_agreement'] : ['leave_prorated', 'collective_agreement'],
  };
}

/** Maternity leave in months (Điều 139 khoản 1): 06 months, one more for each baby from the second. */
export function vnMaternityLeave(input: { readonly babies: number }): CalcResult {
  if (!Number.isInteger(input.babies) || input.babies < 1)
    throw new RangeError(`babies must be an integer >= 1, got ${input.babies}`);
  return {
    kind: 'vn_maternity_leave',
    inputs: { babies: input.babies },
    result: 6 + (input.babies - 1),
    unit: 'months',
    formula: 'vn_maternity_leave',
    formulaValues: { extra: input.babies - 1 },
    citations: ['vn/bo-luat-lao-dong-2019#139', 'vn/luat-bao-hiem-xa-hoi-2024#53'],
    caveats: [],
  };
}
