import { cnCompensation, type CnCompensationInput } from './cn-compensation.js';
import { roundMoney, type CalcResult } from './types.js';

/** Damages 2N for unlawful dismissal (劳动合同法 87, standard of 47, chosen instead of reinstatement per 48). */
export function cnUnlawfulTermination(input: CnCompensationInput): CalcResult {
  const n = cnCompensation(input);
  return {
    ...n,
    kind: 'cn_unlawful_termination',
    result: roundMoney(2 * (n.result as number)),
    formula: 'cn_unlawful_termination',
    formulaValues: { ...n.formulaValues, n: n.result },
    citations: ['cn/labor-contract-law#87', 'cn/labor-contract-law#48', ...n.citations],
  };
}
