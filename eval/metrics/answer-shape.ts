import type { ScoredCase } from './types.js';

/** Answer-shape metrics of the everyday-questions sets (fields absent elsewhere stay null). */
export interface AnswerShape {
  /** Share of cases with a `key_fact` whose reply states it in the first sentence. */
  keyFactFirst: number | null;
  /** Share of cases with an `expect_card` field answered from exactly that card (null expected = no card). */
  cardHit: number | null;
  /** Reply length in characters before the citations, median and 95th percentile (answered cases). */
  replyLengthP50: number | null;
  replyLengthP95: number | null;
}

/** Where the quoted sources start in a reply (any script). */
const SOURCES = /\n\s*(相关法条|相關法條|Điều luật liên quan)[:：]/u;

/** The reply before its citations. */
export function bodyBeforeCitations(answer: string): string {
  const m = SOURCES.exec(answer);
  return m ? answer.slice(0, m.index) : answer;
}

/** First sentence: up to the first 。！？ or line break, or ". " / "? " in Vietnamese. */
export function firstSentence(answer: string): string {
  const text = answer.trim();
  const m = /[。！？!?\n]|\.(\s|$)/u.exec(text);
  return m ? text.slice(0, m.index + 1) : text;
}

/** The p-th percentile by nearest rank (same rule as summarize.ts). */
function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function answerShape(cases: readonly ScoredCase[]): AnswerShape {
  const withKey = cases.filter((c) => typeof c.case.key_fact === 'string');
  const withCard = cases.filter((c) => 'expect_card' in c.case);
  const answered = cases.filter((c) => c.result.mode === 'extractive' || c.result.mode === 'llm');
  const lengths = answered.map((c) => bodyBeforeCitations(c.result.answer ?? '').length);
  const rate = (hits: number, n: number) => (n === 0 ? null : hits / n);
  return {
    keyFactFirst: rate(
      withKey.filter((c) => firstSentence(c.result.answer ?? '').includes(String(c.case.key_fact))).length,
      withKey.length,
    ),
    cardHit: rate(
      withCard.filter((c) => (c.result.card?.id ?? null) === (c.case.expect_card ?? null)).length,
      withCard.length,
    ),
    replyLengthP50: withKey.length === 0 ? null : percentile(lengths, 50),
    replyLengthP95: withKey.length === 0 ? null : percentile(lengths, 95),
  };
}
