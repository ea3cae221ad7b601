import type { CalcResult } from './types.js';

/**
 * Maternity leave days (女职工劳动保护特别规定 7): 98, +15 for a difficult birth,
 * +15 per extra baby; after a miscarriage 15 days under 4 months of pregnancy, 42 from 4 months.
 */
export function cnMaternityLeave(input: {
  readonly babies: number;
  readonly difficultBirth: boolean;
  readonly miscarriageAtMonths?: number | undefined;
}): CalcResult {
  if (input.miscarriageAtMonths !== undefined) {
    if (!Number.isFinite(input.miscarriageAtMonths) || input.miscarriageAtMonths < 0)
      throw new RangeError(`miscarriageAtMonths must be >= 0, got ${input.miscarriageAtMonths}`);
    return {
      kind: 'cn_maternity_leave',
      inputs: { miscarriageAtMonths: input.miscarriageAtMonths },
      result: input.miscarriageAtMonths < 4 ? 15 : 42,
      unit: 'days',
      formula: 'cn_maternity_miscarriage',
      formulaValues: { months: input.miscarriageAtMonths },
      citations: ['cn/female-employees-special-protection#7'],
      caveats: ['provincial_extension'],
    };
  }
  if (!Number.isInteger(input.babies) || input.babies < 1)
    throw new RangeError(`babies must be an integer >= 1, got ${input.babies}`);
  const extraBabies = input.babies - 1;
  return {
    kind: 'cn_maternity_leave',
    inputs: { babies: input.babies, difficultBirth: input.difficultBirth },
    result: 98 + (input.difficultBirth ? 15 : 0) + 15 * extraBabies,
    unit: 'days',
    formula: 'cn_maternity_leave',
    formulaValues: { difficult: input.difficultBirth ? 15 : 0, extra: 15 * extraBabies },
    citations: ['cn/female-employees-special-protection#7'],
    caveats: ['provincial_extension'],
  };
}
