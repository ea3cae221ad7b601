import { roundMoney, requireNonNegative, type CalcCaveat, type CalcResult } from './types.js';

/** Day type of overtime hours, with the Điều 98 khoản 1 minimum rate. */
export const VN_OT_RATE = { weekday: 1.5, weekly_rest: 2, holiday: 3 } as const;
export type VnDayType = keyof typeof VN_OT_RATE;

export interface VnOvertimeInput {
  /** Hourly wage actually paid on a normal working day (Nghị định 145 Điều 55 khoản 1 điểm a). */
  readonly hourlyWage: number;
  /** Overtime hours in the daytime, per day type. */
  readonly dayHours?: Partial<Record<VnDayType, number>> | undefined;
  /** Overtime hours at night, per day type (Điều 98 khoản 3). */
  readonly nightOvertimeHours?: Partial<Record<VnDayType, number>> | undefined;
  /** Normal (not overtime) hours worked at night (Điều 98 khoản 2). */
  readonly nightHours?: number | undefined;
}

/**
 * Overtime and night pay at the statutory minimum rates (Điều 98 BLLĐ 2019;
 * formulas of Nghị định 145/2020 Điều 55-57). Night overtime assumes no
 * daytime overtime on the same normal working day (Điều 57 b1: 100 %).
 */
export function vnOvertime(input: VnOvertimeInput): CalcResult {
  const h = input.hourlyWage;
  requireNonNegative('hourlyWage', h);
  const day = { weekday: 0, weekly_rest: 0, holiday: 0, ...input.dayHours };
  const night = { weekday: 0, weekly_rest: 0, holiday: 0, ...input.nightOvertimeHours };
  const nightHours = input.nightHours ?? 0;
  requireNonNegative('nightHours', nightHours);
  let total = 0;
  let otHours = 0;
  for (const type of Object.keys(VN_OT_RATE) as VnDayType[]) {
    requireNonNegative(`dayHours.${type}`, day[type]);
    requireNonNegative(`nightOvertimeHours.${type}`, night[type]);
    const rate = VN_OT_RATE[type];
    const dayRate = type === 'weekday' ? 1 : rate;
    total += h * rate * day[type];
    total += (h * rate + h * 0.3 + 0.2 * h * dayRate) * night[type];
    otHours += day[type] + night[type];
  }
  total += h * 1.3 * nightHours;
  const caveats: CalcCaveat[] = ['higher_contract_rate'];
  if (otHours > 40) caveats.push('vn_ot_monthly_limit');
  if (otHours > 200) caveats.push('vn_ot_yearly_limit');
  if (Object.values(night).some((v) => v > 0) || nightHours > 0) caveats.push('vn_night_formula_note');
  return {
    kind: 'vn_overtime',
    inputs: {
      hourlyWage: h,
      weekdayHours: day.weekday,
      restDayHours: day.weekly_rest,
      holidayHours: day.holiday,
      nightWeekdayHours: night.weekday,
      nightRestDayHours: night.weekly_rest,
      nightHolidayHours: night.holiday,
      nightHours,
    },
    result: roundMoney(total, 0),
    unit: 'VND',
    formula: 'vn_overtime',
    formulaValues: { hourly: h, otHours, nightHours },
    citations: [
      'vn/bo-luat-lao-dong-2019#98',
      'vn/nghi-dinh-145-2020-nd-cp#55',
      ...(caveats.includes('vn_night_formula_note')
        ? ['vn/nghi-dinh-145-2020-nd-cp#56', 'vn/nghi-dinh-145-2020-nd-cp#57']
        : []),
      'vn/bo-luat-lao-dong-2019#107',
    ],
    caveats,
  };
}
