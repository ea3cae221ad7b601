/** Length of employment: whole months plus leftover days (below one month). */
export interface Tenure {
  readonly months: number;
  readonly days: number;
}

export function tenure(months: number, days = 0): Tenure {
  if (!Number.isInteger(months) || months < 0)
    throw new RangeError(`tenure months must be an integer >= 0, got ${months}`);
  if (!Number.isInteger(days) || days < 0 || days > 31)
    throw new RangeError(`tenure days must be an integer 0..31, got ${days}`);
  return { months, days };
}

/** Whole years and the rest (months, days) of a tenure. */
export function splitYears(t: Tenure): { years: number; restMonths: number; restDays: number } {
  return { years: Math.floor(t.months / 12), restMonths: t.months % 12, restDays: t.days };
}
