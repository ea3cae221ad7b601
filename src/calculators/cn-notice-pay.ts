import { cnCompensation, type CnCompensationInput } from './cn-compensation.js';
import { roundMoney, type CalcResult } from './types.js';

/**
 * N+1: dismissal under 劳动合同法 40 without 30 days' written notice costs one
 * extra month's wage (the previous month's wage, 实施条例 20) on top of N (46(三), 47).
 */
export function cnNoticePay(input: CnCompensationInput & { readonly lastMonthWage?: number | undefined }): CalcResult {
  const n = cnCompensation(input);
  const extra = input.lastMonthWage ?? input.monthlyWage;
  return {
    ...n,
    kind: 'cn_notice_pay',
    inputs: { ...n.inputs, ...(input.lastMonthWage === undefined ? {} : { lastMonthWage: input.lastMonthWage }) },
    result: roundMoney((n.result as number) + extra),
    formula: 'cn_notice_pay',
    formulaValues: { ...n.formulaValues, n: n.result, extra: roundMoney(extra) },
    citations: [
      'cn/labor-contract-law#40',
      'cn/labor-contract-law#46',
      ...n.citations,
      'cn/labor-contract-law-implementing-regulations#20',
    ],
  };
}
