import type { CalcResult } from './types.js';

export type VnRegion = 1 | 2 | 3 | 4;

/** One row of the regional minimum wage table (knowledge/calculators/vn-minimum-wage.json). */
export interface VnMinimumWageRow {
  readonly region: VnRegion;
  readonly monthly: number;
  readonly hourly: number;
}

/** Regional minimum wage (Nghị định 293/2025/NĐ-CP Điều 3), looked up in the reviewed table. */
export function vnMinimumWage(input: {
  readonly region: VnRegion;
  readonly table: readonly VnMinimumWageRow[];
}): CalcResult {
  const row = input.table.find((r) => r.region === input.region);
  if (!row) throw new RangeError(`no minimum wage row for region ${input.region}`);
  return {
    kind: 'vn_minimum_wage',
    inputs: { region: input.region },
    result: row.monthly,
    unit: 'VND',
    formula: 'vn_minimum_wage',
    formulaValues: { hourly: row.hourly },
    citations: ['vn/nghi-dinh-293-2025-nd-cp-luong-toi-thieu-vung#3'],
    caveats: ['vn_region_by_employer'],
  };
}
