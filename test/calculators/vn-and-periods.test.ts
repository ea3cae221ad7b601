import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vnCountedYears, vnJobLoss, vnSeverance } from '../../src/calculators/vn-severance.js';
import { vnOvertime } from '../../src/calculators/vn-overtime.js';
import { vnAnnualLeave, vnMaternityLeave } from '../../src/calculators/vn-leave.js';
import { vnDisputeDeadline, vnNoticePeriod, vnProbation } from '../../src/calculators/vn-contract-periods.js';
import { cnMaternityLeave } from '../../src/calculators/cn-maternity-leave.js';
import { cnProbationMaxMonths } from '../../src/calculators/cn-probation.js';
import { cnNoticePeriod } from '../../src/calculators/cn-notice-period.js';
import { cnArbitrationDeadline, cnInjuryDeadline, NOT_RUNNING } from '../../src/calculators/cn-deadlines.js';
import { addMonths, monthsBetween } from '../../src/calculators/dates.js';
import { loadCalculatorData } from '../../src/calculators/load-calculator-data.js';

describe('vn severance (Điều 46) and job loss (Điều 47), years by Nghị định 145 Điều 8', () => {
  it.each([
    [12, 1],
    [13, 1.5],
    [18, 1.5],
    [19, 2],
    [24, 2],
    [51, 4.5],
    [54, 4.5],
    [55, 5],
    [0, 0],
    [6, 0.5],
  ])('%d months counted -> %d years', (m, y) => expect(vnCountedYears(m)).toBe(y));

  it.each([
    [51, 0, 6_000_000, 13_500_000], // 4 y 3 m -> 4.5 years x 1/2
    [48, 0, 6_000_000, 12_000_000],
    [54, 0, 6_000_000, 13_500_000], // exactly 6 months over: half a year
    [55, 0, 6_000_000, 15_000_000],
    [11, 0, 6_000_000, 0], // under 12 months: nothing
    [12, 0, 8_000_000, 4_000_000],
    [60, 60, 8_000_000, 0], // all insured
    [120, 84, 10_000_000, 15_000_000], // 36 months net -> 3 years
    [30, 10, 5_000_000, 5_000_000], // 20 months net -> 2 years
    [100, 0, 7_000_000, 29_750_000], // 8 y 4 m -> 8.5 x 1/2
  ])('severance: worked %d, insured %d, wage %d -> %d', (w, i, wage, expected) => {
    expect(vnSeverance({ workedMonths: w, insuredMonths: i, monthlyWage: wage }).result).toBe(expected);
  });
  it.each([
    [51, 0, 6_000_000, 27_000_000],
    [12, 0, 6_000_000, 12_000_000], // at least two months
    [24, 0, 6_000_000, 12_000_000],
    [36, 0, 6_000_000, 18_000_000],
    [11, 0, 6_000_000, 0],
    [60, 60, 5_000_000, 10_000_000], // all insured: the two-month minimum remains
    [30, 0, 5_000_000, 12_500_000], // 2 y 6 m -> 2.5
    [31, 0, 5_000_000, 15_000_000],
    [37, 0, 5_000_000, 17_500_000],
    [120, 0, 10_000_000, 100_000_000],
  ])('job loss: worked %d, insured %d, wage %d -> %d', (w, i, wage, expected) => {
    expect(vnJobLoss({ workedMonths: w, insuredMonths: i, monthlyWage: wage }).result).toBe(expected);
  });
  it('is monotone in net tenure and wage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 480 }), fc.integer({ min: 0, max: 100_000_000 }), (m, w) => {
        expect(vnSeverance({ workedMonths: m, insuredMonths: 0, monthlyWage: w }).result as number).toBeLessThanOrEqual(
          vnSeverance({ workedMonths: m + 1, insuredMonths: 0, monthlyWage: w }).result as number,
        );
        expect(
          vnJobLoss({ workedMonths: m, insuredMonths: 0, monthlyWage: w }).result as number,
        ).toBeGreaterThanOrEqual(2 * w);
      }),
    );
  });
});

describe('vn overtime (Điều 98; Nghị định 145 Điều 55-57)', () => {
  it.each([
    [{ weekday: 10 }, {}, 0, 30_000, 450_000],
    [{ weekly_rest: 8 }, {}, 0, 30_000, 480_000],
    [{ holiday: 8 }, {}, 0, 30_000, 720_000],
    [{}, {}, 10, 30_000, 390_000], // night work: 130 %
    [{}, { weekday: 2 }, 0, 30_000, 120_000], // 150 % + 30 % + 20 % x 100 % = 200 %
    [{}, { weekly_rest: 2 }, 0, 30_000, 162_000], // 200 % + 30 % + 20 % x 200 % = 270 %
    [{}, { holiday: 2 }, 0, 30_000, 234_000], // 300 % + 30 % + 20 % x 300 % = 390 %
    [{ weekday: 20, weekly_rest: 8 }, {}, 0, 25_000, 1_150_000],
    [{}, {}, 0, 30_000, 0],
    [{ weekday: 1 }, {}, 0, 33_333, 50_000], // rounded to the đồng
  ])('day %o night-OT %o night %d at %d/h -> %d', (day, night, nightHours, hourly, expected) => {
    expect(vnOvertime({ hourlyWage: hourly, dayHours: day, nightOvertimeHours: night, nightHours }).result).toBe(
      expected,
    );
  });
  it('flags more than 40 overtime hours a month (Điều 107)', () => {
    expect(vnOvertime({ hourlyWage: 1, dayHours: { weekday: 41 } }).caveats).toContain('vn_ot_monthly_limit');
    expect(vnOvertime({ hourlyWage: 1, dayHours: { weekday: 40 } }).caveats).not.toContain('vn_ot_monthly_limit');
    expect(vnOvertime({ hourlyWage: 1, dayHours: { weekday: 201 } }).caveats).toContain('vn_ot_yearly_limit');
  });
});

describe('leave, notice, probation, maternity', () => {
  it.each([
    [12, 'normal', 12],
    [59, 'normal', 12],
    [60, 'normal', 13],
    [120, 'normal', 14],
    [12, 'heavy', 14],
    [60, 'special', 17],
    [6, 'normal', 6],
    [3, 'heavy', 3.5],
    [0, 'normal', 0],
    [300, 'normal', 17],
  ] as const)('vn annual leave: %d months, %s -> %d', (m, c, d) =>
    expect(vnAnnualLeave({ workedMonths: m, category: c }).result).toBe(d),
  );
  it.each([
    [1, false, 98],
    [1, true, 113],
    [2, false, 113],
    [2, true, 128],
    [3, false, 128],
    [3, true, 143],
    [4, false, 143],
    [5, true, 173],
    [6, false, 173],
    [6, true, 188],
  ] as const)('cn maternity: %d babies, difficult %s -> %d days', (b, d, days) =>
    expect(cnMaternityLeave({ babies: b, difficultBirth: d }).result).toBe(days),
  );
  it.each([
    [1, 6],
    [2, 7],
    [3, 8],
    [4, 9],
  ] as const)('vn maternity: %d babies -> %d months', (b, m) => expect(vnMaternityLeave({ babies: b }).result).toBe(m));
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [11, 1],
    [12, 2],
    [24, 2],
    [35, 2],
    [36, 6],
    [60, 6],
    ['open', 6],
  ] as const)('cn probation: term %s -> %d months', (term, m) => expect(cnProbationMaxMonths(term)).toBe(m));
  it.each([
    ['worker', false, 30],
    ['worker', true, 3],
    ['employer', false, 30],
  ] as const)('cn notice: %s in probation %s -> %d', (p, pr, d) =>
    expect(cnNoticePeriod({ party: p, inProbation: pr }).result).toBe(d),
  );
  it.each([
    ['open', 45, 'days'],
    [36, 30, 'days'],
    [12, 30, 'days'],
    [11, 3, 'working_days'],
    [6, 3, 'working_days'],
  ] as const)('vn notice: term %s -> %d %s', (term, d, unit) => {
    const r = vnNoticePeriod({ term, party: 'worker' });
    expect([r.result, r.unit]).toEqual([d, unit]);
    expect(vnNoticePeriod({ term, party: 'employer' }).result).toBe(d);
  });
  it.each([
    ['manager', 180],
    ['college', 60],
    ['intermediate', 30],
    ['other', 6],
  ] as const)('vn probation: %s -> %d', (l, d) => expect(vnProbation({ level: l }).result).toBe(d));
});

describe('deadlines', () => {
  it.each([
    ['2025-03-15', '2026-03-15'],
    ['2024-02-29', '2025-02-28'],
    ['2025-12-31', '2026-12-31'],
    ['2025-01-01', '2026-01-01'],
  ])('cn arbitration from %s -> %s', (from, to) =>
    expect(cnArbitrationDeadline({ knewDate: from, arrears: false }).result).toBe(to),
  );
  it('arrears during employment: not running; after the end: one year from the end', () => {
    expect(cnArbitrationDeadline({ arrears: true }).result).toBe(NOT_RUNNING);
    expect(cnArbitrationDeadline({ arrears: true, endedDate: '2025-06-30' }).result).toBe('2026-06-30');
  });
  it('work injury: employer 30 days, worker one year', () => {
    const r = cnInjuryDeadline({ accidentDate: '2025-03-15' });
    expect(r.result).toBe('2026-03-15');
    expect(r.formulaValues.employerBy).toBe('2025-04-14');
  });
  it('vn dispute: 6 / 9 / 12 months', () => {
    const r = vnDisputeDeadline({ discoveredDate: '2025-01-31' });
    expect([r.result, r.formulaValues.arbitration, r.formulaValues.court]).toEqual([
      '2025-07-31',
      '2025-10-31',
      '2026-01-31',
    ]);
  });
  it('date helpers', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(monthsBetween('2019-03-01', '2024-08-15')).toEqual({ months: 65, days: 14 });
    expect(() => monthsBetween('2024-01-01', '2023-01-01')).toThrow(RangeError);
  });
});

describe('data tables', () => {
  const data = loadCalculatorData('knowledge');
  it('the VN minimum wage table equals Điều 3 of Nghị định 293/2025 in knowledge/statutes', () => {
    const decree = readFileSync('knowledge/statutes/vn/nghi-dinh-293-2025-nd-cp-luong-toi-thieu-vung.md', 'utf8');
    const roman = ['I', 'II', 'III', 'IV'];
    for (const row of data.vnMinimumWage.rows) {
      const line = decree.split('\n').find((l) => l.startsWith(`| Vùng ${roman[row.region - 1]} |`));
      const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      expect(line).toBe(`| Vùng ${roman[row.region - 1]} | ${fmt(row.monthly)} | ${fmt(row.hourly)} |`);
    }
  });
  it('the CN average wage table ships empty: no invented figures', () => {
    expect(data.cnAverageWages).toEqual([]);
  });
});
