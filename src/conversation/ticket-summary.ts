import type { BotAnswer, HistoryTurn } from '../core/types.js';
import { maskPii } from '../privacy/mask-pii.js';
import { extractCaseFacts } from './case-facts.js';

/** Longest quoted question in a summary, in characters (code points). */
const QUESTION_CHARS = 300;
/** Longest quoted earlier message. */
const EARLIER_CHARS = 120;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** One line of masked text: personal numbers replaced, whitespace folded. */
function quote(text: string, max: number): string {
  return `「${clip(maskPii(text).replace(/\s+/g, ' ').trim(), max)}」`;
}

/** Labels of the summary lines, in the staff's language (knowledge/desk/labels.json `summary`). */
export interface SummaryLabels {
  readonly happened: string;
  readonly asks: string;
  readonly tenure: string;
  readonly wages: string;
  readonly dates: string;
  readonly cited: string;
  /** Danger signals triage found (absent in older label files: English then). */
  readonly signals?: string;
}

const ENGLISH: SummaryLabels = {
  happened: 'What happened',
  asks: 'Asks',
  tenure: 'Tenure',
  wages: 'Wages',
  dates: 'Dates',
  cited: 'Bot cited',
};

/**
 * The ticket summary staff see first, built offline: category and reasons,
 * language, the danger signals triage found,
 * what happened and what the worker asks (their own sentences), the facts
 * found (tenure, wages, dates), and what the bot cited. ID, bank-card and
 * phone numbers are masked; the unmasked words stay in the (encrypted)
 * transcript, which never goes to Slack.
 */
export function summarizeTicket(
  answer: BotAnswer,
  question: string,
  history: readonly HistoryTurn[],
  labels: SummaryLabels = ENGLISH,
): string {
  const workerTexts = [
    ...history
      .filter((t) => t.role === 'worker')
      .slice(-2)
      .map((t) => t.text),
    question,
  ];
  const facts = extractCaseFacts(workerTexts);
  const cited = answer.citations.map((c) => c.label).join('、');
  const join = (xs: readonly string[], max: number) => xs.map((x) => quote(x, max)).join(' ');
  const lines = [
    `[${answer.escalate}${answer.reasons.length ? `: ${answer.reasons.join(', ')}` : ''}] (${answer.language})`,
    answer.signals?.length ? `${labels.signals ?? 'Signals'}: ${answer.signals.map((x) => maskPii(x)).join(', ')}` : '',
    facts.happened.length ? `${labels.happened}: ${join(facts.happened, EARLIER_CHARS)}` : '',
    facts.asks.length
      ? `${labels.asks}: ${join(facts.asks, QUESTION_CHARS)}`
      : facts.happened.length
        ? ''
        : quote(question, QUESTION_CHARS),
    facts.tenure.length ? `${labels.tenure}: ${facts.tenure.join('; ')}` : '',
    facts.wages.length ? `${labels.wages}: ${facts.wages.join('; ')}` : '',
    facts.dates.length ? `${labels.dates}: ${facts.dates.join('; ')}` : '',
    cited ? `${labels.cited}: ${cited}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}
