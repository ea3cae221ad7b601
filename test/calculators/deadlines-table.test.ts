import { describe, expect, it } from 'vitest';
import { cnArbitrationDeadline, cnInjuryDeadline } from '../../src/calculators/cn-deadlines.js';
import { vnDisputeDeadline, vnProbation } from '../../src/calculators/vn-contract-periods.js';
import { vnMaternityLeave } from '../../src/calculators/vn-leave.js';
import { vnMinimumWage } from '../../src/calculators/vn-minimum-wage.js';
import { cnNoticePeriod } from '../../src/calculators/cn-notice-period.js';
import { loadCalculatorData } from '../../src/calculators/load-calculator-data.js';

// Dates counted by hand on a calendar: one year = same calendar day next year (29 Feb -> 28 Feb); 30 days by counting.
describe('cn arbitration time limit (调解仲裁法 27)', () => {
  it.each([
    ['2025-03-10', '2026-03-10'],
    ['2024-02-29', '2025-02-28'],
    ['2023-02-28', '2024-02-28'],
    ['2025-12-31', '2026-12-31'],
    ['2026-01-01', '2027-01-01'],
    ['2025-06-30', '2026-06-30'],
    ['2024-12-01', '2025-12-01'],
    ['2020-02-29', '2021-02-28'],
    ['2025-08-15', '2026-08-15'],
    ['2025-11-30', '2026-11-30'],
  ])('knew on %s -> %s', (knew, deadline) => {
    expect(cnArbitrationDeadline({ knewDate: knew, arrears: false }).result).toBe(deadline);
    expect(cnArbitrationDeadline({ arrears: true, endedDate: knew }).result).toBe(deadline);
  });
  it('needs a date unless the claim is arrears, and rejects impossible dates', () => {
    expect(() => cnArbitrationDeadline({ arrears: false })).toThrow(RangeError);
    expect(() => cnArbitrationDeadline({ knewDate: '2025-02-30', arrears: false })).toThrow(RangeError);
  });
});

describe('cn work-injury application (工伤保险条例 17)', () => {
  it.each([
    ['2025-06-01', '2025-07-01', '2026-06-01'],
    ['2025-01-20', '2025-02-19', '2026-01-20'],
    ['2024-02-29', '2024-03-30', '2025-02-28'],
    ['2025-12-15', '2026-01-14', '2026-12-15'],
    ['2025-02-01', '2025-03-03', '2026-02-01'],
    ['2024-02-01', '2024-03-02', '2025-02-01'],
    ['2025-03-31', '2025-04-30', '2026-03-31'],
    ['2025-07-01', '2025-07-31', '2026-07-01'],
    ['2025-10-10', '2025-11-09', '2026-10-10'],
    ['2026-01-31', '2026-03-02', '2027-01-31'],
  ])('accident %s: employer by %s, worker by %s', (day, employer, worker) => {
    const r = cnInjuryDeadline({ accidentDate: day });
    expect([r.formulaValues.employerBy, r.result]).toEqual([employer, worker]);
  });
});

describe('vn dispute time limits (Điều 190)', () => {
  it.each([
    ['2025-03-15', '2025-09-15', '2025-12-15', '2026-03-15'],
    ['2025-01-31', '2025-07-31', '2025-10-31', '2026-01-31'],
    ['2025-08-31', '2026-02-28', '2026-05-31', '2026-08-31'],
    ['2024-02-29', '2024-08-29', '2024-11-29', '2025-02-28'],
    ['2025-06-30', '2025-12-30', '2026-03-30', '2026-06-30'],
    ['2025-05-31', '2025-11-30', '2026-02-28', '2026-05-31'],
    ['2025-12-01', '2026-06-01', '2026-09-01', '2026-12-01'],
    ['2026-01-15', '2026-07-15', '2026-10-15', '2027-01-15'],
    ['2025-03-31', '2025-09-30', '2025-12-31', '2026-03-31'],
    ['2023-08-31', '2024-02-29', '2024-05-31', '2024-08-31'],
  ])('discovered %s: mediator %s, arbitration %s, court %s', (d, mediator, arbitration, court) => {
    const r = vnDisputeDeadline({ discoveredDate: d });
    expect([r.result, r.formulaValues.arbitration, r.formulaValues.court]).toEqual([mediator, arbitration, court]);
  });
});

describe('small-domain calculators, exhaustively', () => {
  it('vn maternity leave: 6 months plus one per baby from the second (Điều 139)', () => {
    expect([1, 2, 3, 4, 5].map((b) => vnMaternityLeave({ babies: b }).result)).toEqual([6, 7, 8, 9, 10]);
    expect(() => vnMaternityLeave({ babies: 0 })).toThrow(RangeError);
  });
  it('vn probation by job level (Điều 25), with units', () => {
    expect(
      (['manager', 'college', 'intermediate', 'other'] as const).map((l) => [
        vnProbation({ level: l }).result,
        vnProbation({ level: l }).unit,
      ]),
    ).toEqual([
      [180, 'days'],
      [60, 'days'],
      [30, 'days'],
      [6, 'working_days'],
    ]);
  });
  it('vn regional minimum wage (Nghị định 293/2025 Điều 3) for every region', () => {
    const table = loadCalculatorData('knowledge').vnMinimumWage.rows;
    expect(([1, 2, 3, 4] as const).map((region) => vnMinimumWage({ region, table }).result)).toEqual([
      5_310_000, 4_730_000, 4_140_000, 3_700_000,
    ]);
    expect(() => vnMinimumWage({ region: 1, table: [] })).toThrow(RangeError);
  });
  it('cn notice periods (劳动合同法 37, 40) for every party and probation state', () => {
    expect(cnNoticePeriod({ party: 'worker', inProbation: false }).citations).toEqual(['cn/labor-contract-law#37']);
    expect(cnNoticePeriod({ party: 'employer', inProbation: true }).result).toBe(30);
    expect(cnNoticePeriod({ party: 'employer', inProbation: false }).citations).toEqual(['cn/labor-contract-law#40']);
  });
});

describe('cn miscarriage leave (女职工劳动保护特别规定 7 para 2)', () => {
  it.each([
    [0, 15],
    [1, 15],
    [2.5, 15],
    [3, 15],
    [3.9, 15],
    [4, 42],
    [4.5, 42],
    [5, 42],
    [6, 42],
    [8, 42],
  ])('%d months of pregnancy -> %d days', async (months, days) => {
    const { cnMaternityLeave } = await import('../../src/calculators/cn-maternity-leave.js');
    expect(cnMaternityLeave({ babies: 1, difficultBirth: false, miscarriageAtMonths: months }).result).toBe(days);
  });
});
