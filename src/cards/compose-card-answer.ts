import type { Jurisdiction, Lang, Passage } from '../core/types.js';
import { citationLabel } from '../citations/citation-label.js';
import type { ChosenSource } from '../citations/chosen-source.js';
import { toTraditional } from '../language/script.js';
import type { AnswerCard } from '../knowledge/card-schema.js';
import type { CardBook } from './load-cards.js';

/** Default of the policy's cardOtherArticles: the statute retriever's other articles listed after a card's own. */
const MAX_OTHER_ARTICLES = 2;

/** Reply texts the card answer borrows from knowledge/replies. */
export interface CardReplyTexts {
  readonly sources_heading: string;
  readonly disclaimer: string;
}

/** What follows a card's own answer and clauses; every field optional. */
export interface ComposeTail {
  /** The statute path's sources: up to `maxOtherArticles` of them are named after the card's own articles. */
  readonly statuteSources?: readonly ChosenSource[] | undefined;
  /**
   * True when the card's "tell me X" question is already answered: a computed figure follows the card, or
   * the message states the facts it would ask for.
   */
  readonly followUpAnswered?: boolean;
  /** At most this many of `statuteSources` are named after the card's own articles. */
  readonly maxOtherArticles?: number;
  /** Cards answering another question in the same message: their plain answers and clauses follow the card's. */
  readonly extras?: readonly AnswerCard[];
}

export interface ComposedCard {
  readonly text: string;
  readonly sources: ChosenSource[];
}

/** Converts to Traditional (Taiwan) and applies the Taiwan/HK phrase table. */
export function toHant(text: string, phrases: CardBook['hantPhrases']): string {
  let out = toTraditional(text);
  for (const { from, to } of phrases) out = out.split(from).join(to);
  return out;
}

/** The card's answer text in the worker's language, or undefined when the card has none. */
export function cardAnswerText(card: AnswerCard, lang: Lang): string | undefined {
  return lang === 'vi' ? card.answer.vi : card.answer['zh-Hans'];
}

/**
 * A card reply, phone-sized: the plain answer first (rule and numbers), then
 * the decisive clause quoted with its citation label, then the topic's next
 * steps, the follow-up question for a missing fact, and the legal-information
 * note. Returns undefined when the card has no text in the worker's language
 * or a cited article is missing (the statute path answers instead).
 */
export function composeCardAnswer(
  card: AnswerCard,
  confidence: number,
  lang: Lang,
  book: CardBook,
  article: (law: string, article: number) => Passage | undefined,
  texts: CardReplyTexts,
  values: Readonly<Record<string, string>>,
  {
    statuteSources = [],
    followUpAnswered = false,
    maxOtherArticles = MAX_OTHER_ARTICLES,
    extras = [],
  }: ComposeTail = {},
): ComposedCard | undefined {
  const answer = cardAnswerText(card, lang);
  if (!answer) return undefined;
  const sources: ChosenSource[] = [];
  const citeAll = (c: AnswerCard): boolean => {
    const found = c.citations.map((x) => ({ quote: x.quote, passage: article(x.law, x.article) }));
    if (found.some(({ passage }) => !passage || !passage.inForce)) return false;
    for (const { quote, passage } of found as { quote: string; passage: Passage }[]) {
      if (sources.some((s) => s.passage.id === passage.id)) continue;
      sources.push({ passage, label: citationLabel(passage), excerpt: quote, bestSentence: quote, score: confidence });
    }
    return true;
  };
  if (!citeAll(card)) return undefined;
  // An extra card whose article is missing is left out; the main card still answers.
  const more = extras.filter((e) => e.id !== card.id && cardAnswerText(e, lang) !== undefined && citeAll(e));
  const family = lang === 'vi' ? 'vi' : 'zh-Hans';
  const jurisdiction: Jurisdiction = card.jurisdiction;
  const steps = book.nextSteps[jurisdiction][card.next_steps]?.[family];
  const follow = followUpAnswered ? undefined : card.follow_up?.[family];
  // A sentence whose placeholder has no value (the Vietnamese union hotline until a union sets it)
  // is left out, not shown empty.
  const fill = (s: string) =>
    s
      .replace(/\s*[^.。；;]*\{(\w+)\}[^.。；;]*[.。；;]?/g, (sentence, key: string) =>
        (values[key] ?? '').trim() ? sentence : '',
      )
      .replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
  const quoteOpen = lang === 'vi' ? '"' : '“';
  const quoteClose = lang === 'vi' ? '"' : '”';
  // Quotes stay with their own article; several quotes from one article share the label.
  const quoted = new Map<string, string[]>();
  for (const c of [card, ...more].flatMap((x) => x.citations)) {
    const label = sources.find((s) => s.passage.law === c.law && s.passage.article === c.article)!.label;
    if (!(quoted.get(label) ?? []).includes(c.quote)) quoted.set(label, [...(quoted.get(label) ?? []), c.quote]);
  }
  const prose = (s: string) => (lang === 'zh-Hant' ? toHant(s, book.hantPhrases) : s);
  // The statute retriever's other verified articles, by label only: the worker can ask for their full text.
  const others = statuteSources
    .filter((s) => s.passage.kind === 'article' && !sources.some((c) => c.passage.id === s.passage.id))
    .slice(0, maxOtherArticles);
  const lines = [
    prose(answer),
    ...more.map((e) => prose(cardAnswerText(e, lang)!)),
    '',
    texts.sources_heading,
    ...[...quoted].map(
      ([label, quotes]) =>
        `${label}${lang === 'vi' ? ': ' : '：'}` +
        quotes.map((q) => `${quoteOpen}${q}${quoteClose}`).join(lang === 'vi' ? ' … ' : '……'),
    ),
    ...(others.length > 0
      ? [alsoRelevant(book.texts.also_relevant[family]) + others.map((o) => o.label).join(lang === 'vi' ? '; ' : '、')]
      : []),
    ...(steps ? ['', prose(fill(steps))] : []),
    ...(follow ? [prose(follow)] : []),
    '',
    texts.disclaimer,
  ];
  return { text: lines.join('\n'), sources: [...sources, ...others] };
}

/** The heading before the other articles: a Latin colon takes a space after it (the data is trimmed). */
export function alsoRelevant(heading: string): string {
  return heading.endsWith(':') ? `${heading} ` : heading;
}
