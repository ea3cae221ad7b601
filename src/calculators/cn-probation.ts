import type { CalcResult } from './types.js';

/** Contract term in months, or `open` for an open-ended contract. */
export type ContractTerm = number | 'open';

/** Longest lawful probation in months by contract term (劳动合同法 19). */
export function cnProbationMaxMonths(term: ContractTerm): number {
  if (term === 'open' || term >= 36) return 6;
  if (term >= 12) return 2;
  if (term >= 3) return 1;
  return 0;
}

export function cnProbation(input: { readonly term: ContractTerm }): CalcResult {
  if (input.term !== 'open' && (!Number.isFinite(input.term) || input.term < 0))
    throw new RangeError(`term must be >= 0 months or 'open', got ${input.term}`);
  return {
    kind: 'cn_probation',
    inputs: { contractTermMonths: input.term },
    result: cnProbationMaxMonths(input.term),
    unit: 'months',
    formula: 'cn_probation',
    formulaValues: {},
    citations: ['cn/labor-contract-law#19', 'cn/labor-contract-law#83'],
    caveats: [],
  };
}
