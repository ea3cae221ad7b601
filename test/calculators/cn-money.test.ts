import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnCompensation, compensationMonths } from '../../src/calculators/cn-compensation.js';
import { cnDoubleWages } from '../../src/calculators/cn-double-wages.js';
import { cnNoticePay } from '../../src/calculators/cn-notice-pay.js';
import { cnOvertime } from '../../src/calculators/cn-overtime.js';
import { cnUnlawfulTermination } from '../../src/calculators/cn-unlawful-termination.js';
import { cnAnnualLeaveDaysFor, cnAnnualLeavePay } from '../../src/calculators/cn-annual-leave.js';

const t = (months: number, days = 0) => ({ months, days });

// Hand-computed from 《劳动合同法》第四十七条: one month per full year; a rest of 6 months or more = 1; under 6 = 0.5.
describe('cn economic compensation N (劳动合同法 47)', () => {
  it.each([
    [t(0), 6000, undefined, 0],
    [t(0, 10), 6000, undefined, 3000], // 10 days: under six months, half a month
    [t(5), 6000, undefined, 3000],
    [t(6), 6000, undefined, 6000], // exactly six months counts as a year
    [t(11), 6000, undefined, 6000],
    [t(12), 6000, undefined, 6000],
    [t(17), 6000, undefined, 9000],
    [t(18), 6000, undefined, 12000],
    [t(56), 6000, undefined, 30000], // 4 years 8 months -> 5 months
    [t(63), 8000, undefined, 44000], // 5 years 3 months -> 5.5 months
    [t(144), 30000, 8000, 288000], // exactly 12 years, capped wage 24000 x 12
    [t(180), 30000, 8000, 288000], // 15 years, capped at 12 years
    [t(180), 24000, 8000, 360000], // 3x exactly: not above, no cap, 15 months
    [t(180), 24001, 8000, 288000], // just above 3x: base 24000, 12 years
    [t(30), 12000, 5000, 36000], // below the cap
  ])('tenure %o, wage %d, local avg %s -> %d', (tenure, wage, avg, expected) => {
    expect(cnCompensation({ tenure, monthlyWage: wage, localAverageWage: avg }).result).toBe(expected);
  });

  it('cites article 47 and says the cap is unknown without a local figure', () => {
    const r = cnCompensation({ tenure: t(24), monthlyWage: 5000 });
    expect(r.citations).toContain('cn/labor-contract-law#47');
    expect(r.caveats).toContain('local_cap_unknown');
  });

  it('is monotone in tenure and wage, and the cap holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 480 }),
        fc.integer({ min: 0, max: 479 }),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 1000, max: 20000 }),
        (a, b, wage, avg) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(cnCompensation({ tenure: t(lo), monthlyWage: wage }).result as number).toBeLessThanOrEqual(
            cnCompensation({ tenure: t(hi), monthlyWage: wage }).result as number,
          );
          expect(cnCompensation({ tenure: t(lo), monthlyWage: wage }).result as number).toBeLessThanOrEqual(
            cnCompensation({ tenure: t(lo), monthlyWage: wage + 1 }).result as number,
          );
          const capped = cnCompensation({ tenure: t(hi), monthlyWage: wage, localAverageWage: avg }).result as number;
          if (wage > 3 * avg) expect(capped).toBeLessThanOrEqual(3 * avg * 12 + 1e-6);
        },
      ),
    );
  });

  it('months: half a month for any rest under six months, whole for six or more', () => {
    expect(compensationMonths(t(0, 1))).toBe(0.5);
    expect(compensationMonths(t(12, 1))).toBe(1.5);
    expect(compensationMonths(t(23, 30))).toBe(2);
  });

  it('rejects a negative wage', () => {
    expect(() => cnCompensation({ tenure: t(1), monthlyWage: -1 })).toThrow(RangeError);
  });
});

describe('cn 2N (劳动合同法 87) and N+1 (40, 实施条例 20)', () => {
  it.each([
    [t(0, 5), 6000, 6000],
    [t(6), 6000, 12000],
    [t(12), 5000, 10000],
    [t(30), 7000, 42000],
    [t(56), 6000, 60000],
    [t(63), 8000, 88000],
    [t(120), 10000, 200000],
    [t(144), 4000, 96000],
    [t(5), 3000, 3000],
    [t(100), 6500, 110500], // 8y4m -> 8.5 x 6500 x 2
  ])('2N: tenure %o wage %d -> %d', (tenure, wage, expected) => {
    expect(cnUnlawfulTermination({ tenure, monthlyWage: wage }).result).toBe(expected);
  });
  it.each([
    [t(0, 5), 6000, 9000],
    [t(6), 6000, 12000],
    [t(12), 5000, 10000],
    [t(30), 7000, 28000],
    [t(56), 6000, 36000],
    [t(63), 8000, 52000],
    [t(120), 10000, 110000],
    [t(144), 4000, 52000],
    [t(5), 3000, 4500],
    [t(100), 6500, 61750],
  ])('N+1: tenure %o wage %d -> %d', (tenure, wage, expected) => {
    expect(cnNoticePay({ tenure, monthlyWage: wage }).result).toBe(expected);
  });
  it('2N is twice N and N+1 exceeds N by one month, always', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 480 }), fc.integer({ min: 0, max: 50000 }), (m, w) => {
        const n = cnCompensation({ tenure: t(m), monthlyWage: w }).result as number;
        expect(cnUnlawfulTermination({ tenure: t(m), monthlyWage: w }).result).toBeCloseTo(2 * n, 2);
        expect(cnNoticePay({ tenure: t(m), monthlyWage: w }).result).toBeCloseTo(n + w, 2);
      }),
    );
  });
});

describe('cn double wages without a written contract (劳动合同法 82, 实施条例 6/7)', () => {
  it.each([
    [t(0, 20), 5000, 0],
    [t(1), 5000, 0], // the first month is not owed
    [t(2), 5000, 5000],
    [t(3, 15), 5000, 10000], // whole months only
    [t(8), 6000, 42000],
    [t(11), 6000, 60000],
    [t(12), 6000, 66000], // 11 months at most
    [t(13), 6000, 66000],
    [t(36), 4000, 44000],
    [t(6), 4500, 22500],
  ])('%o at %d -> %d', (tenure, wage, expected) => {
    expect(cnDoubleWages({ withoutContract: tenure, monthlyWage: wage }).result).toBe(expected);
  });
  it('names the deemed open-ended contract after a year', () => {
    expect(cnDoubleWages({ withoutContract: t(12), monthlyWage: 1 }).caveats).toContain('open_ended_deemed');
    expect(cnDoubleWages({ withoutContract: t(11), monthlyWage: 1 }).caveats).not.toContain('open_ended_deemed');
  });
  it('never exceeds 11 months of wages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 50000 }), (m, w) => {
        expect(cnDoubleWages({ withoutContract: t(m), monthlyWage: w }).result as number).toBeLessThanOrEqual(11 * w);
      }),
    );
  });
});

describe('cn overtime (劳动法 44, 174 hours a month)', () => {
  it.each([
    [5000, 20, 16, 0, 1781.61], // 5000/174 x (30 + 32)
    [5000, 0, 0, 0, 0],
    [6960, 10, 0, 0, 600], // hourly 40 x 1.5 x 10
    [6960, 0, 8, 0, 640],
    [6960, 0, 0, 8, 960],
    [6960, 36, 0, 0, 2160],
    [3480, 1, 1, 1, 130], // hourly 20 x (1.5 + 2 + 3)
    [8700, 12, 8, 8, 2900], // hourly 50 x (18 + 16 + 24)
    [4000, 20, 0, 0, 689.66],
    [10000, 0, 16, 24, 5977.01], // 57.47 x (32 + 72),
  ])('wage %d, %d/%d/%d hours -> %d', (wage, w, r, h, expected) => {
    expect(cnOvertime({ monthlyWage: wage, weekdayHours: w, restDayHours: r, holidayHours: h }).result).toBe(expected);
  });
  it('flags more than 36 hours a month (劳动法 41)', () => {
    expect(cnOvertime({ monthlyWage: 5000, weekdayHours: 37 }).caveats).toContain('cn_ot_monthly_limit');
    expect(cnOvertime({ monthlyWage: 5000, weekdayHours: 36 }).caveats).not.toContain('cn_ot_monthly_limit');
  });
  it('is monotone in hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 50000 }), fc.integer({ min: 0, max: 100 }), (w, h) => {
        expect(cnOvertime({ monthlyWage: w, weekdayHours: h }).result as number).toBeLessThanOrEqual(
          cnOvertime({ monthlyWage: w, weekdayHours: h + 1 }).result as number,
        );
      }),
    );
  });
});

describe('cn annual leave (条例 3, 实施办法 10/11)', () => {
  it.each([
    [0, 0],
    [11, 0],
    [12, 5],
    [60, 5],
    [119, 5],
    [120, 10],
    [200, 10],
    [239, 10],
    [240, 15],
    [400, 15],
  ])('%d months cumulative -> %d days', (months, days) => {
    expect(cnAnnualLeaveDaysFor(t(months))).toBe(days);
  });
  it.each([
    [5, 4350, 2000], // daily 200 x 200% x 5
    [1, 4350, 400],
    [0, 4350, 0],
    [10, 8700, 8000],
    [5, 6000, 2758.62],
    [3, 5000, 1379.31],
    [15, 21750, 30000],
    [2, 10875, 2000],
    [7, 7000, 4505.75],
    [4, 3000, 1103.45],
  ])('%d untaken days at %d -> %d still owed (200%%)', (days, wage, expected) => {
    expect(cnAnnualLeavePay({ untakenDays: days, monthlyWage: wage }).result).toBe(expected);
  });
});
