import { cnAnnualLeaveDays, cnAnnualLeavePay } from './cn-annual-leave.js';
import { cnCompensation } from './cn-compensation.js';
import { cnArbitrationDeadline, cnInjuryDeadline } from './cn-deadlines.js';
import { cnDoubleWages } from './cn-double-wages.js';
import { cnMaternityLeave } from './cn-maternity-leave.js';
import { cnNoticePay } from './cn-notice-pay.js';
import { cnNoticePeriod } from './cn-notice-period.js';
import { cnOvertime } from './cn-overtime.js';
import { cnProbation } from './cn-probation.js';
import { cnUnlawfulTermination } from './cn-unlawful-termination.js';
import type { FactName, Facts } from './parse/extract-facts.js';
import type { CalcKind, CalcResult } from './types.js';
import { vnNoticePeriod, vnDisputeDeadline, vnProbation } from './vn-contract-periods.js';
import { vnAnnualLeave, vnMaternityLeave } from './vn-leave.js';
import { vnMinimumWage, type VnMinimumWageRow } from './vn-minimum-wage.js';
import { vnOvertime } from './vn-overtime.js';
import { vnJobLoss, vnSeverance } from './vn-severance.js';

/** Pseudo-fact "hours": at least one overtime hour figure. */
export type NeededFact = FactName | 'hours';

const hasHours = (f: Facts) =>
  [f.weekdayHours, f.restDayHours, f.holidayHours, f.nightOvertimeHours, f.nightHours].some(
    (v) => v !== undefined && v > 0,
  );

/** The facts each calculator needs, in the order the bot asks for them. */
export const NEEDS: Readonly<Record<CalcKind, readonly NeededFact[]>> = {
  cn_compensation: ['tenure', 'wage'],
  cn_unlawful_termination: ['tenure', 'wage'],
  cn_notice_pay: ['tenure', 'wage'],
  cn_double_wages: ['tenure', 'wage'],
  cn_overtime: ['wage', 'hours'],
  cn_annual_leave_days: ['tenure'],
  cn_annual_leave_pay: ['untakenDays', 'wage'],
  cn_maternity_leave: [],
  cn_probation: ['contractTerm'],
  // Probation defaults to no: the reply quotes both notice periods of article 37.
  cn_notice_period: [],
  cn_arbitration_deadline: ['date'],
  cn_injury_deadline: ['date'],
  vn_severance: ['tenure', 'wage', 'insuredMonths'],
  vn_job_loss: ['tenure', 'wage', 'insuredMonths'],
  vn_overtime: ['hourlyWage', 'hours'],
  vn_annual_leave: ['tenure'],
  vn_maternity_leave: [],
  vn_notice_period: ['contractTerm'],
  vn_probation: ['jobLevel'],
  vn_dispute_deadline: ['date'],
  vn_minimum_wage: ['region'],
};

const HOURS: readonly FactName[] = ['weekdayHours', 'restDayHours', 'holidayHours', 'nightOvertimeHours', 'nightHours'];
const COMP: readonly FactName[] = ['tenure', 'wage', 'localAverageWage'];

/** Facts shown back to the worker for a calculator (needed ones plus those that change the figure). */
export const SHOWN: Readonly<Record<CalcKind, readonly FactName[]>> = {
  cn_compensation: COMP,
  cn_unlawful_termination: COMP,
  cn_notice_pay: COMP,
  cn_double_wages: ['tenure', 'wage'],
  cn_overtime: ['wage', ...HOURS],
  cn_annual_leave_days: ['tenure'],
  cn_annual_leave_pay: ['untakenDays', 'wage'],
  cn_maternity_leave: ['babies', 'difficultBirth', 'miscarriage', 'pregnancyMonths'],
  cn_probation: ['contractTerm'],
  cn_notice_period: ['party', 'inProbation'],
  cn_arbitration_deadline: ['date', 'arrears'],
  cn_injury_deadline: ['date'],
  vn_severance: ['tenure', 'wage', 'insuredMonths'],
  vn_job_loss: ['tenure', 'wage', 'insuredMonths'],
  vn_overtime: ['hourlyWage', ...HOURS],
  vn_annual_leave: ['tenure', 'leaveCategory'],
  vn_maternity_leave: ['babies'],
  vn_notice_period: ['contractTerm', 'party'],
  vn_probation: ['jobLevel'],
  vn_dispute_deadline: ['date'],
  vn_minimum_wage: ['region'],
};

/** The first fact still missing for a calculation, or undefined when it can run. */
export function missingFact(kind: CalcKind, facts: Facts): NeededFact | undefined {
  // After a miscarriage the leave depends on the months of pregnancy (女职工劳动保护特别规定 7 para 2).
  if (kind === 'cn_maternity_leave' && facts.miscarriage && facts.pregnancyMonths === undefined)
    return 'pregnancyMonths';
  for (const need of NEEDS[kind]) {
    if (need === 'hours') {
      if (!hasHours(facts)) return need;
      continue;
    }
    if (kind === 'cn_arbitration_deadline' && need === 'date' && facts.arrears) continue;
    if (facts[need] === undefined) return need;
  }
  return undefined;
}

/** Runs the calculator on complete facts (see {@link missingFact}). */
export function compute(kind: CalcKind, f: Facts, tables: { vnMinimumWage: readonly VnMinimumWageRow[] }): CalcResult {
  const tenure = f.tenure ?? { months: 0, days: 0 };
  const wage = f.wage ?? 0;
  const comp = { tenure, monthlyWage: wage, localAverageWage: f.localAverageWage };
  const worked = tenure.months;
  const insured = f.insuredMonths === 'all' ? worked : (f.insuredMonths ?? 0);
  switch (kind) {
    case 'cn_compensation':
      return cnCompensation(comp);
    case 'cn_unlawful_termination':
      return cnUnlawfulTermination(comp);
    case 'cn_notice_pay':
      return cnNoticePay(comp);
    case 'cn_double_wages':
      return cnDoubleWages({ withoutContract: tenure, monthlyWage: wage });
    case 'cn_overtime':
      return cnOvertime({
        monthlyWage: wage,
        weekdayHours: f.weekdayHours,
        restDayHours: f.restDayHours,
        holidayHours: f.holidayHours,
      });
    case 'cn_annual_leave_days':
      return cnAnnualLeaveDays({ cumulative: tenure });
    case 'cn_annual_leave_pay':
      return cnAnnualLeavePay({ untakenDays: f.untakenDays ?? 0, monthlyWage: wage });
    case 'cn_maternity_leave':
      return cnMaternityLeave({
        babies: f.babies ?? 1,
        difficultBirth: f.difficultBirth ?? false,
        miscarriageAtMonths: f.miscarriage ? f.pregnancyMonths : undefined,
      });
    case 'cn_probation':
      return cnProbation({ term: f.contractTerm ?? 'open' });
    case 'cn_notice_period':
      return cnNoticePeriod({
        party: f.party ?? 'worker',
        inProbation: f.party === 'employer' ? false : (f.inProbation ?? false),
      });
    case 'cn_arbitration_deadline':
      return cnArbitrationDeadline({
        knewDate: f.date,
        arrears: f.arrears ?? false,
        endedDate: f.arrears ? (f.endedDate ?? f.date) : undefined,
      });
    case 'cn_injury_deadline':
      return cnInjuryDeadline({ accidentDate: f.date! });
    case 'vn_severance':
      return vnSeverance({ workedMonths: worked, insuredMonths: insured, monthlyWage: wage });
    case 'vn_job_loss':
      return vnJobLoss({ workedMonths: worked, insuredMonths: insured, monthlyWage: wage });
    case 'vn_overtime':
      return vnOvertime({
        hourlyWage: f.hourlyWage ?? 0,
        dayHours: { weekday: f.weekdayHours ?? 0, weekly_rest: f.restDayHours ?? 0, holiday: f.holidayHours ?? 0 },
        nightOvertimeHours: { weekday: f.nightOvertimeHours ?? 0 },
        nightHours: f.nightHours,
      });
    case 'vn_annual_leave':
      return vnAnnualLeave({ workedMonths: worked, category: f.leaveCategory ?? 'normal' });
    case 'vn_maternity_leave':
      return vnMaternityLeave({ babies: f.babies ?? 1 });
    case 'vn_notice_period':
      return vnNoticePeriod({ term: f.contractTerm ?? 'open', party: f.party ?? 'worker' });
    case 'vn_probation':
      return vnProbation({ level: f.jobLevel ?? 'other' });
    case 'vn_dispute_deadline':
      return vnDisputeDeadline({ discoveredDate: f.date! });
    case 'vn_minimum_wage':
      return vnMinimumWage({ region: f.region ?? 1, table: tables.vnMinimumWage });
  }
}
