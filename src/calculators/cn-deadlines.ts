import { addDays, addMonths, parseIsoDate } from './dates.js';
import type { CalcResult } from './types.js';

/** Result value of a deadline that is not running (arrears claimed while still employed). */
export const NOT_RUNNING = 'not_running';

/**
 * Arbitration time limit (劳动争议调解仲裁法 27): one year from when the worker
 * knew of the violation; for wage arrears during employment it does not run
 * until the employment ends, then one year from the end.
 */
export function cnArbitrationDeadline(input: {
  readonly knewDate?: string | undefined;
  readonly arrears: boolean;
  readonly endedDate?: string | undefined;
}): CalcResult {
  const base = {
    kind: 'cn_arbitration_deadline' as const,
    unit: 'date' as const,
    citations: ['cn/labor-dispute-mediation-arbitration-law#27'],
  };
  if (input.arrears) {
    if (input.endedDate === undefined) {
      return {
        ...base,
        inputs: { arrears: true },
        result: NOT_RUNNING,
        formula: 'cn_arbitration_arrears_open',
        formulaValues: {},
        caveats: ['arrears_during_employment'],
      };
    }
    parseIsoDate(input.endedDate);
    return {
      ...base,
      inputs: { arrears: true, endedDate: input.endedDate },
      result: addMonths(input.endedDate, 12),
      formula: 'cn_arbitration_arrears_ended',
      formulaValues: { start: input.endedDate },
      caveats: ['deadline_interruption'],
    };
  }
  if (input.knewDate === undefined) throw new RangeError('knewDate is required unless the claim is wage arrears');
  parseIsoDate(input.knewDate);
  return {
    ...base,
    inputs: { arrears: false, knewDate: input.knewDate },
    result: addMonths(input.knewDate, 12),
    formula: 'cn_arbitration',
    formulaValues: { start: input.knewDate },
    caveats: ['deadline_interruption'],
  };
}

/** Work-injury recognition (工伤保险条例 17): the employer within 30 days, the worker, family or union within one year. */
export function cnInjuryDeadline(input: { readonly accidentDate: string }): CalcResult {
  parseIsoDate(input.accidentDate);
  return {
    kind: 'cn_injury_deadline',
    inputs: { accidentDate: input.accidentDate },
    result: addMonths(input.accidentDate, 12),
    unit: 'date',
    formula: 'cn_injury_deadline',
    formulaValues: { start: input.accidentDate, employerBy: addDays(input.accidentDate, 30) },
    citations: ['cn/work-injury-insurance-regulations#17'],
    caveats: ['injury_extension'],
  };
}
