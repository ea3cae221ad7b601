// How a BotAnswer leaves the bot: the JSON of `npm run ask -- --json` and of the HTTP channel, and
// plain text for the terminal. Kept in core/ because both cli/ and channels/ use it.
import type { BotAnswer } from './types.js';

/** The stable JSON shape of `npm run ask -- --json` (evals and outside checks rely on it). */
export interface AskJson {
  id?: string;
  language: BotAnswer['language'];
  jurisdiction: BotAnswer['jurisdiction'];
  answer: string;
  citations: { law: string; article?: number; title: string; excerpt: string; score: number; label: string }[];
  escalate: BotAnswer['escalate'];
  reasons: string[];
  mode: BotAnswer['mode'];
  latency_ms: number;
  retrieved?: BotAnswer['retrieved'];
  calculation?: BotAnswer['calculation'];
  card?: BotAnswer['card'];
  /** The answer policy in force; with --debug-retrieval only. */
  policy?: Readonly<Record<string, unknown>>;
}

export function toAskJson(answer: BotAnswer, latencyMs: number, id?: string): AskJson {
  return {
    ...(id === undefined ? {} : { id }),
    language: answer.language,
    jurisdiction: answer.jurisdiction,
    answer: answer.answer,
    citations: answer.citations.map((c) => ({
      law: c.law,
      ...(c.article === undefined ? {} : { article: c.article }),
      title: c.title,
      excerpt: c.excerpt,
      score: c.score,
      label: c.label,
    })),
    escalate: answer.escalate,
    reasons: [...answer.reasons],
    mode: answer.mode,
    latency_ms: Number(latencyMs.toFixed(2)),
    ...(answer.retrieved ? { retrieved: answer.retrieved } : {}),
    ...(answer.calculation ? { calculation: answer.calculation } : {}),
    ...(answer.card ? { card: answer.card } : {}),
  };
}

/** A reply the core sent, with the hand-off flag of the answer behind it. */
export function renderReply(text: string, answer: BotAnswer): string {
  return renderAnswer({ ...answer, answer: text });
}

/** Plain-text rendering for the terminal: the answer, then its citations' labels. */
export function renderAnswer(answer: BotAnswer): string {
  const flag =
    answer.escalate === 'urgent'
      ? '[urgent: handed to union staff]'
      : answer.escalate === 'person'
        ? '[handed to union staff]'
        : '';
  return [answer.answer, flag].filter((s) => s.length > 0).join('\n');
}

/** The --debug-retrieval block of the text output: the ranked retrieval list and the answer policy in force. */
export function renderDebug(answer: BotAnswer, policy: Readonly<Record<string, unknown>>): string {
  const hits = (answer.retrieved ?? []).map(
    (r, i) => `  ${i + 1}. ${r.passageId}  score ${r.score}  confidence ${r.confidence}`,
  );
  const width = Math.max(...Object.keys(policy).map((k) => k.length));
  const knobs = Object.entries(policy).map(([key, value]) => `  ${key.padEnd(width)}  ${String(value)}`);
  return [
    '--- retrieved',
    ...(hits.length > 0 ? hits : ['  (none: this reply did not search the law)']),
    ...(answer.card ? [`--- answer card ${answer.card.id}, confidence ${answer.card.confidence}`] : []),
    '--- answer policy in force (docs/answer-policy.md)',
    ...knobs,
  ].join('\n');
}
