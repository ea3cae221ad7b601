import { addMonths, parseIsoDate } from './dates.js';
import type { CalcResult } from './types.js';

/** Contract type for notice: `open` = không xác định thời hạn; otherwise the fixed term in months. */
export type VnContractTerm = number | 'open';

/** Notice (Điều 35 khoản 1 for the worker, Điều 36 khoản 2 for the employer): 45 days / 30 days / 03 working days. */
export function vnNoticePeriod(input: {
  readonly term: VnContractTerm;
  readonly party: 'worker' | 'employer';
}): CalcResult {
  const open = input.term === 'open';
  const days = open ? 45 : (input.term as number) >= 12 ? 30 : 3;
  const unit = open || (input.term as number) >= 12 ? 'days' : 'working_days';
  return {
    kind: 'vn_notice_period',
    inputs: { contractTermMonths: input.term, party: input.party },
    result: days,
    unit,
    formula: input.party === 'worker' ? 'vn_notice_worker' : 'vn_notice_employer',
    formulaValues: {},
    citations: [input.party === 'worker' ? 'vn/bo-luat-lao-dong-2019#35' : 'vn/bo-luat-lao-dong-2019#36'],
    caveats: input.party === 'worker' ? ['vn_special_sector_notice'] : [],
  };
}

/** Job level for probation (Điều 25). */
export const VN_PROBATION = {
  manager: [180, 'days'],
  college: [60, 'days'],
  intermediate: [30, 'days'],
  other: [6, 'working_days'],
} as const;
export type VnJobLevel = keyof typeof VN_PROBATION;

export function vnProbation(input: { readonly level: VnJobLevel }): CalcResult {
  const [days, unit] = VN_PROBATION[input.level];
  return {
    kind: 'vn_probation',
    inputs: { jobLevel: input.level },
    result: days,
    unit,
    formula: 'vn_probation',
    formulaValues: {},
    citations: ['vn/bo-luat-lao-dong-2019#25', 'vn/bo-luat-lao-dong-2019#26'],
    caveats: [],
  };
}

/**
 * Time limits for an individual labour dispute (Điều 190): 06 months to ask a
 * labour mediator, 09 months for the labour arbitration council, 01 year for
 * the court, all from the day the violation was discovered.
 */
export function vnDisputeDeadline(input: { readonly discoveredDate: string }): CalcResult {
  parseIsoDate(input.discoveredDate);
  return {
    kind: 'vn_dispute_deadline',
    inputs: { discoveredDate: input.discoveredDate },
    result: addMonths(input.discoveredDate, 6),
    unit: 'date',
    formula: 'vn_dispute_deadline',
    formulaValues: {
      start: input.discoveredDate,
      arbitration: addMonths(input.discoveredDate, 9),
      court: addMonths(input.discoveredDate, 12),
    },
    citations: ['vn/bo-luat-lao-dong-2019#190'],
    caveats: ['deadline_interruption'],
  };
}
