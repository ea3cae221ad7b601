import type { BotAnswer, HistoryTurn } from '../core/types.js';
import { maskPii } from '../privacy/mask-pii.js';

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

/**
 * The one-paragraph ticket summary staff see first: category and reasons,
 * language, the worker's message, the danger signals triage found, up to two earlier worker messages for context, and
 * what the bot cited. ID, bank-card and phone numbers are masked; the
 * unmasked words stay in the ticket transcript.
 */
export function summarizeTicket(answer: BotAnswer, question: string, history: readonly HistoryTurn[]): string {
  const earlier = history
    .filter((t) => t.role === 'worker')
    .slice(-2)
    .map((t) => quote(t.text, EARLIER_CHARS));
  const cited = answer.citations.map((c) => c.label).join('、');
  const parts = [
    `[${answer.escalate}${answer.reasons.length ? `: ${answer.reasons.join(', ')}` : ''}]`,
    `(${answer.language})`,
    quote(question, QUESTION_CHARS),
    answer.signals?.length ? `(signals: ${answer.signals.map((s) => maskPii(s)).join(', ')})` : '',
    earlier.length ? `(earlier: ${earlier.join(' ')})` : '',
    cited ? `(cited: ${cited})` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
