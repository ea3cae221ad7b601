import type { CalcResult } from './types.js';

/** Who ends the contract with notice. */
export type NoticeParty = 'worker' | 'employer';

/**
 * Notice in days: a worker resigns with 30 days' written notice, 3 days in
 * probation (劳动合同法 37); an employer dismissing under 40 gives 30 days or
 * pays one month's wage instead.
 */
export function cnNoticePeriod(input: { readonly party: NoticeParty; readonly inProbation: boolean }): CalcResult {
  const days = input.party === 'worker' && input.inProbation ? 3 : 30;
  return {
    kind: 'cn_notice_period',
    inputs: { party: input.party, inProbation: input.inProbation },
    result: days,
    unit: 'days',
    formula: input.party === 'worker' ? 'cn_notice_worker' : 'cn_notice_employer',
    formulaValues: {},
    citations: input.party === 'worker' ? ['cn/labor-contract-law#37'] : ['cn/labor-contract-law#40'],
    caveats: [],
  };
}
