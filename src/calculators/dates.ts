/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a day. */

export function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw new RangeError(`no such date: ${iso}`);
  return d;
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The same calendar day n months later; a day the target month lacks becomes its last day
 * (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return toIsoDate(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

export function addDays(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  return toIsoDate(new Date(d.getTime() + n * 86_400_000));
}

/** Whole months and leftover days from `from` to `to` (to >= from). */
export function monthsBetween(from: string, to: string): { months: number; days: number } {
  if (parseIsoDate(to) < parseIsoDate(from)) throw new RangeError(`${to} is before ${from}`);
  let months = 0;
  while (addMonths(from, months + 1) <= to) months += 1;
  const anchor = addMonths(from, months);
  const days = Math.round((parseIsoDate(to).getTime() - parseIsoDate(anchor).getTime()) / 86_400_000);
  return { months, days };
}
