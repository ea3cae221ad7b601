import type { Facts, FactName } from './parse/extract-facts.js';
import { CALC_KINDS, type CalcKind } from './types.js';

/**
 * The calculator's state rides in its own bot turn as a last line, e.g.
 * `〔calc cn_compensation ask=wage tenure=63m0d〕`. The conversation core
 * already stores bot turns, so the state survives a restart without a table.
 */
export interface CalcState {
  readonly kind: CalcKind;
  readonly facts: Facts;
  /** The fact the bot asked for in that turn, if it asked. */
  readonly asked?: FactName | undefined;
}

const MARKER = /〔calc ([a-z_]+)((?: [A-Za-z]+=[^\s〕]+)*)〕/;

function encodeValue(key: string, v: unknown): string {
  if (key === 'tenure') {
    const t = v as { months: number; days: number };
    return `${t.months}m${t.days}d`;
  }
  if (typeof v === 'boolean') return v ? 'y' : 'n';
  return String(v);
}

export function encodeState(state: CalcState): string {
  const parts = Object.entries(state.facts)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeValue(k, v)}`);
  return `〔calc ${state.kind}${state.asked ? ` ask=${state.asked}` : ''}${parts.length ? ` ${parts.join(' ')}` : ''}〕`;
}

const NUMERIC = new Set([
  'wage',
  'localAverageWage',
  'weekdayHours',
  'restDayHours',
  'holidayHours',
  'nightOvertimeHours',
  'nightHours',
  'hourlyWage',
  'untakenDays',
  'babies',
  'region',
  'pregnancyMonths',
]);

/** Reads the state back from a bot turn; undefined when the turn carries none or it is malformed. */
export function decodeState(botText: string): CalcState | undefined {
  const m = MARKER.exec(botText);
  if (!m || !(CALC_KINDS as readonly string[]).includes(m[1]!)) return undefined;
  const facts: Record<string, unknown> = {};
  let asked: FactName | undefined;
  for (const pair of m[2]!.trim().split(' ').filter(Boolean)) {
    const [k, v] = pair.split('=') as [string, string];
    if (k === 'ask') asked = v as FactName;
    else if (k === 'tenure') {
      const t = /^(\d+)m(\d+)d$/.exec(v);
      if (t) facts.tenure = { months: Number(t[1]), days: Number(t[2]) };
    } else if (NUMERIC.has(k) && Number.isFinite(Number(v))) facts[k] = Number(v);
    else if (k === 'difficultBirth' || k === 'inProbation' || k === 'arrears' || k === 'miscarriage')
      facts[k] = v === 'y';
    else if (k === 'contractTerm') facts[k] = v === 'open' ? 'open' : Number(v);
    else if (k === 'insuredMonths') facts[k] = v === 'all' ? 'all' : Number(v);
    else if (['party', 'date', 'endedDate', 'leaveCategory', 'jobLevel'].includes(k)) facts[k] = v;
  }
  return { kind: m[1] as CalcKind, facts: facts as Facts, asked };
}
