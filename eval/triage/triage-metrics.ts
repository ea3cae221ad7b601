import type { Triage } from '../../src/core/types.js';
import type { TriageRow } from '../../scripts/triage/triage-set.js';

/** One labeled message and what triage decided. */
export interface Scored {
  readonly row: TriageRow;
  readonly triage: Triage;
  readonly detectedLang: string | null;
}

export interface TriageSummary {
  readonly n: number;
  readonly urgentRecall: number;
  readonly urgentTotal: number;
  readonly categoryAccuracy: number;
  readonly handoffRecall: number;
  readonly handoffTotal: number;
  readonly falseAlarmRate: number;
  readonly noneTotal: number;
  readonly langAccuracy: number;
  /** category x language -> counts of outcomes. */
  readonly matrix: ReadonlyMap<string, Record<Outcome, number>>;
  readonly misses: readonly Scored[];
}

type Outcome = 'urgent:same' | 'urgent:other' | 'person' | 'none';
const OUTCOMES: Outcome[] = ['urgent:same', 'urgent:other', 'person', 'none'];

function outcome(s: Scored): Outcome {
  if (s.triage.level === 'urgent') return s.triage.reasons[0] === s.row.category ? 'urgent:same' : 'urgent:other';
  return s.triage.level;
}

/** Is this a miss or a false alarm? */
function wrong(s: Scored): boolean {
  if (s.row.label === 'urgent') return s.triage.level !== 'urgent';
  if (s.row.label === 'person') return s.triage.level === 'none';
  return s.triage.level !== 'none';
}

export function summarizeTriage(scored: readonly Scored[]): TriageSummary {
  const urgent = scored.filter((s) => s.row.label === 'urgent');
  const person = scored.filter((s) => s.row.label === 'person');
  const none = scored.filter((s) => s.row.label === 'none');
  const matrix = new Map<string, Record<Outcome, number>>();
  for (const s of scored) {
    const key = `${s.row.category} / ${s.row.lang}`;
    const cell = matrix.get(key) ?? { 'urgent:same': 0, 'urgent:other': 0, person: 0, none: 0 };
    cell[outcome(s)] += 1;
    matrix.set(key, cell);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    n: scored.length,
    urgentRecall: ratio(urgent.filter((s) => s.triage.level === 'urgent').length, urgent.length),
    urgentTotal: urgent.length,
    categoryAccuracy: ratio(urgent.filter((s) => outcome(s) === 'urgent:same').length, urgent.length),
    handoffRecall: ratio(person.filter((s) => s.triage.level !== 'none').length, person.length),
    handoffTotal: person.length,
    falseAlarmRate: ratio(none.filter((s) => s.triage.level !== 'none').length, none.length),
    noneTotal: none.length,
    langAccuracy: ratio(scored.filter((s) => s.detectedLang === s.row.lang).length, scored.length),
    matrix,
    misses: scored.filter(wrong),
  };
}

export function formatSummary(s: TriageSummary): string[] {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `messages ${s.n}; urgent recall ${pct(s.urgentRecall)} (${s.urgentTotal} urgent); ` +
      `category accuracy ${pct(s.categoryAccuracy)}; hand-off recall ${pct(s.handoffRecall)} (${s.handoffTotal}); ` +
      `false alarms ${pct(s.falseAlarmRate)} (${s.noneTotal} non-urgent questions); ` +
      `language detected ${pct(s.langAccuracy)}`,
    '',
    `| category / language | ${OUTCOMES.join(' | ')} |`,
    `|---|${OUTCOMES.map(() => '---:').join('|')}|`,
    ...[...s.matrix.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, c]) => `| ${k} | ${OUTCOMES.map((o) => c[o]).join(' | ')} |`),
  ];
  if (s.misses.length) {
    lines.push('', 'Misses and false alarms:');
    for (const m of s.misses)
      lines.push(
        `- ${m.row.id} [${m.row.category}/${m.row.lang}] -> ${m.triage.level} ${m.triage.reasons.join(',')} :: ` +
          m.row.text.slice(0, 80),
      );
  }
  return lines;
}
