/**
 * Shared shapes of the deterministic calculators. A calculator is a pure
 * function from typed inputs to a {@link CalcResult}; it never reads files,
 * the clock or the network, so every figure can be checked by hand.
 */

import { CALC_KINDS } from '../knowledge/load-calculators.js';

/** Every calculator the bot knows, by jurisdiction (defined beside the intents.json schema in src/knowledge). */
export { CALC_KINDS };
export type CalcKind = (typeof CALC_KINDS)[number];

/** What a result is counted in. `date` results are ISO dates (YYYY-MM-DD). */
export type CalcUnit = 'CNY' | 'VND' | 'days' | 'working_days' | 'months' | 'date';

/** A cited source: a passage id of the knowledge base, e.g. `cn/labor-contract-law#47`. */
export type CalcSource = string;

/** Why a figure could be different in the worker's case; rendered from the texts file. */
export type CalcCaveat =
  | 'local_cap_unknown'
  | 'local_cap_applied'
  | 'min_wage_floor'
  | 'collective_agreement'
  | 'higher_contract_rate'
  | 'cn_ot_monthly_limit'
  | 'vn_ot_monthly_limit'
  | 'vn_ot_yearly_limit'
  | 'provincial_extension'
  | 'deadline_interruption'
  | 'injury_extension'
  | 'partial_month_excluded'
  | 'vn_special_sector_notice'
  | 'arrears_during_employment'
  | 'vn_ui_deducted'
  | 'under_twelve_months'
  | 'open_ended_deemed'
  | 'leave_prorated'
  | 'vn_night_formula_note'
  | 'vn_region_by_employer';

/** One input as shown to the worker: a key for the label and the value in canonical form. */
export type CalcInputs = Readonly<Record<string, number | string | boolean>>;

/** The outcome of one calculation, with the working shown. */
export interface CalcResult {
  readonly kind: CalcKind;
  readonly inputs: CalcInputs;
  /** The figure: an amount, a count of days or months, or an ISO date. */
  readonly result: number | string;
  readonly unit: CalcUnit;
  /** Key of the formula template in the texts file, filled with {@link formulaValues}. */
  readonly formula: string;
  /** Values the formula template refers to (already rounded for display). */
  readonly formulaValues: Readonly<Record<string, string | number>>;
  readonly citations: readonly CalcSource[];
  readonly caveats: readonly CalcCaveat[];
}

/** Rounds a money amount to cents (yuan) the way a payslip shows it. */
export function roundMoney(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * f) / f;
}

/** Throws on an input that no calculation can use; the dialogue never passes one. */
export function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}
