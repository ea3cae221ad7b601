import type { EventsInRange } from '../stores/console-store.js';

export type AnswerOutcome = 'answered' | 'handed_off' | 'refused';

export interface Percentiles {
  readonly count: number;
  /** Minutes; absent when no ticket got that far. */
  readonly p50?: number;
  readonly p90?: number;
}

export interface DashboardData {
  /** Day labels (YYYY-MM-DD, in the console's time zone), oldest first. */
  readonly days: readonly string[];
  /** Series aligned with `days`. */
  readonly messagesByLang: Readonly<Record<string, readonly number[]>>;
  readonly messagesByChannel: Readonly<Record<string, readonly number[]>>;
  readonly outcomes: Readonly<Record<AnswerOutcome, number>>;
  readonly ticketsByCategory: Readonly<Record<string, number>>;
  readonly timeToClaim: Percentiles;
  readonly timeToResolve: Percentiles;
  readonly topTopics: readonly (readonly [string, number])[];
  readonly feedback: { readonly helpful: number; readonly notHelpful: number; readonly noReply: number };
  readonly topCitations: readonly (readonly [string, number])[];
  readonly noSourceQuestions: readonly { readonly at: number; readonly lang: string; readonly question: string }[];
}

const DAY_MS = 86_400_000;

/** The day label of an instant, shifted by the console's time-zone offset. */
export function dayLabel(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Start (epoch ms) of the local day `days - 1` days before the day of `now`. */
export function rangeStart(now: number, days: number, offsetMinutes: number): number {
  const offset = offsetMinutes * 60_000;
  const localMidnight = Math.floor((now + offset) / DAY_MS) * DAY_MS;
  return localMidnight - (days - 1) * DAY_MS - offset;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** How an answer counts on the dashboard: handed to a person, answered from the law, or refused. */
export function outcomeOf(mode: string, escalate: string): AnswerOutcome {
  if (escalate !== 'none') return 'handed_off';
  return mode === 'extractive' || mode === 'llm' ? 'answered' : 'refused';
}

function percentiles(minutes: number[]): Percentiles {
  const sorted = [...minutes].sort((a, b) => a - b);
  const round = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 10) / 10);
  const p50 = round(percentile(sorted, 50));
  const p90 = round(percentile(sorted, 90));
  return { count: sorted.length, ...(p50 !== undefined ? { p50 } : {}), ...(p90 !== undefined ? { p90 } : {}) };
}

function top(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

/**
 * Aggregates the event log into the dashboard's figures. Messages are the
 * worker messages the bot answered plus those forwarded to staff while a
 * ticket was open.
 */
export function buildDashboard(
  events: EventsInRange,
  from: number,
  days: number,
  offsetMinutes: number,
): DashboardData {
  const labels = Array.from({ length: days }, (_, i) => dayLabel(from + i * DAY_MS, offsetMinutes));
  const index = new Map(labels.map((d, i) => [d, i]));
  const byLang = new Map<string, number[]>();
  const byChannel = new Map<string, number[]>();
  const count = (series: Map<string, number[]>, key: string, at: number) => {
    const i = index.get(dayLabel(at, offsetMinutes));
    if (i === undefined) return;
    const row = series.get(key) ?? new Array<number>(days).fill(0);
    row[i] = (row[i] ?? 0) + 1;
    series.set(key, row);
  };

  const outcomes: Record<AnswerOutcome, number> = { answered: 0, handed_off: 0, refused: 0 };
  const topics = new Map<string, number>();
  const citations = new Map<string, number>();
  const feedback = { helpful: 0, notHelpful: 0, noReply: 0 };
  const noSource: { at: number; lang: string; question: string }[] = [];
  for (const a of events.answers) {
    count(byLang, a.lang, a.at);
    count(byChannel, a.channel, a.at);
    outcomes[outcomeOf(a.mode, a.escalate)] += 1;
    bump(topics, a.topic);
    for (const c of a.citations) bump(citations, c.label);
    if (a.feedbackAsked) {
      if (a.feedback === true) feedback.helpful += 1;
      else if (a.feedback === false) feedback.notHelpful += 1;
      else feedback.noReply += 1;
    }
    if (a.maskedQuestion !== undefined) noSource.push({ at: a.at, lang: a.lang, question: a.maskedQuestion });
  }

  const categories = new Map<string, number>();
  const opened = new Map<string, number>();
  const claimed = new Map<string, number>();
  const resolved = new Map<string, number>();
  for (const e of events.ticketEvents) {
    if (e.action === 'worker_message') {
      count(byLang, e.lang, e.at);
      count(byChannel, e.channel, e.at);
    } else if (e.action === 'opened' && !opened.has(e.ticketId)) {
      opened.set(e.ticketId, e.at);
      bump(categories, e.category);
    } else if (e.action === 'claimed' && !claimed.has(e.ticketId)) claimed.set(e.ticketId, e.at);
    else if (e.action === 'resolved' && !resolved.has(e.ticketId)) resolved.set(e.ticketId, e.at);
  }
  const waits = (done: Map<string, number>) =>
    [...opened.entries()].flatMap(([id, at]) => {
      const end = done.get(id);
      return end === undefined ? [] : [Math.max(0, end - at) / 60_000];
    });

  return {
    days: labels,
    messagesByLang: Object.fromEntries(byLang),
    messagesByChannel: Object.fromEntries(byChannel),
    outcomes,
    ticketsByCategory: Object.fromEntries(categories),
    timeToClaim: percentiles(waits(claimed)),
    timeToResolve: percentiles(waits(resolved)),
    topTopics: top(topics, 10),
    feedback,
    topCitations: top(citations, 20),
    noSourceQuestions: noSource.reverse().slice(0, 50),
  };
}

/** One CSV cell: quoted when needed, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The dashboard as long-format CSV: `metric,key,day,value`. */
export function dashboardCsv(d: DashboardData): string {
  const rows: (string | number)[][] = [['metric', 'key', 'day', 'value']];
  for (const [metric, series] of [
    ['messages_by_language', d.messagesByLang],
    ['messages_by_channel', d.messagesByChannel],
  ] as const) {
    for (const [key, values] of Object.entries(series))
      values.forEach((v, i) => rows.push([metric, key, d.days[i] ?? '', v]));
  }
  for (const [k, v] of Object.entries(d.outcomes)) rows.push(['answer_mode', k, '', v]);
  for (const [k, v] of Object.entries(d.ticketsByCategory)) rows.push(['tickets_by_category', k, '', v]);
  for (const [name, p] of [
    ['time_to_claim_minutes', d.timeToClaim],
    ['time_to_resolve_minutes', d.timeToResolve],
  ] as const) {
    rows.push([name, 'count', '', p.count]);
    if (p.p50 !== undefined) rows.push([name, 'p50', '', p.p50]);
    if (p.p90 !== undefined) rows.push([name, 'p90', '', p.p90]);
  }
  for (const [k, v] of d.topTopics) rows.push(['topic', k, '', v]);
  rows.push(
    ['feedback', 'helpful', '', d.feedback.helpful],
    ['feedback', 'not_helpful', '', d.feedback.notHelpful],
    ['feedback', 'no_reply', '', d.feedback.noReply],
  );
  for (const [k, v] of d.topCitations) rows.push(['citation', k, '', v]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
