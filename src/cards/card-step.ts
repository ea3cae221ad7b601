import type {
  BotAnswer,
  HistoryTurn,
  Jurisdiction,
  KnowledgeBase,
  Lang,
  Passage,
  ScoredPassage,
} from '../core/types.js';
import type { ChosenSource } from '../citations/chosen-source.js';
import { citationLabel } from '../citations/citation-label.js';
import { NO_ACTOR_GUARD, type ActorGuard } from './actor-guard.js';
import { createReferenceFinder } from '../citations/parse-references.js';
import { DEFAULT_WIDER_COVER, type CardMatch, type CardMatcher, type WiderCover } from './card-matcher.js';
import { composeCardAnswer, type CardReplyTexts, type ComposeTail } from './compose-card-answer.js';
import type { CardBook } from './load-cards.js';
import { subQuestions } from './sub-questions.js';
import {
  asksAboutOtherJurisdiction,
  asksForFullText,
  englishScope,
  looksEnglish,
  type ScopeNotice,
} from './scope-notice.js';

/** What the answer engine hands the card step (all already computed by the engine). */
export interface CardStepInput {
  readonly text: string;
  readonly lang: Lang;
  readonly jurisdiction: Jurisdiction;
  readonly history: readonly HistoryTurn[];
  /** The statute retriever's hits for the same question: agreement raises a card's confidence. */
  readonly hits: readonly ScoredPassage[];
  /** The statute path's verified sources: listed after the card's own clauses. */
  readonly statuteSources?: readonly ChosenSource[];
  /** False when an LLM drafter answers instead (its mode and fallback metrics stay as they are). @default true */
  readonly cardsAllowed?: boolean;
  /** A calculator's figure follows the card's answer (its follow-up question is then left out). */
  readonly figureFollows?: boolean;
  /** Facts the message states (the calculators' reader), read only when the best card names follow-up facts. */
  readonly knownFacts?: () => ReadonlySet<string>;
  /**
   * The message has no labor vocabulary (the scope guard's `unknown`): a card must reach the full confidence
   * bar; leading a weak field is not enough ("你平时喜欢吃火锅还是烧烤" is no overtime question).
   */
  readonly offTopic?: boolean;
  readonly texts: CardReplyTexts;
  /** Placeholder values (union hotline, emergency numbers). */
  readonly values: Readonly<Record<string, string>>;
}

/** A reply the card step decided; the engine wraps it (prefixes, script, escalation). */
export interface CardStepResult {
  readonly text: string;
  readonly sources: readonly ChosenSource[];
  readonly mode: BotAnswer['mode'];
  readonly reasons: readonly string[];
  readonly card?: { readonly id: string; readonly confidence: number };
}

/** A card's plain answer and the clauses it rests on. */
export interface CardPlainAnswer {
  readonly text: string;
  readonly sources: readonly ChosenSource[];
  readonly card: { readonly id: string; readonly confidence: number };
}

export interface CardStep {
  answer(input: CardStepInput): CardStepResult | undefined;
  /**
   * The confident card's plain answer alone (first line of its reply) and its own clauses, for replies
   * that keep their own frame, such as the urgent first reply to a worker who also asked a question.
   */
  plainAnswer(
    input: CardStepInput,
    allowed: { readonly topics: readonly string[]; readonly ids: readonly string[] },
  ): CardPlainAnswer | undefined;
  /** The bot's scope in English when the message is English (asked before the unknown-language reply). */
  englishScope(text: string): string | undefined;
}

export interface CardStepOptions {
  /** Card confidence that answers from a card on its own. Tuned on the dev split only. */
  readonly minConfidence: number;
  /** A lower confidence that still answers when the best card leads the second by `leadRatio`. */
  readonly minWithLead: number;
  readonly leadRatio: number;
  /** Added to a card's confidence when one of its articles is among the statute retriever's top `agreementTopHits`. */
  readonly agreementBonus: number;
  readonly agreementTopHits: number;
  /** Candidate cards asked of the matcher per question. */
  readonly candidates: number;
  /** When a card covering more of the question goes before the leader (card-matcher.ts). */
  readonly widerCover: WiderCover;
  /** Longest full article text returned on request, in characters (longer texts are cut with "…"). */
  readonly maxFullText: number;
  /** At most this many of the statute retriever's other articles are named after a card's own. */
  readonly otherArticles: number;
}

/** The answer policy's defaults (src/answer/answer-policy.ts sets these in the running bot). */
export const DEFAULT_CARD_OPTIONS: CardStepOptions = {
  minConfidence: 0.3,
  minWithLead: 0.15,
  leadRatio: 1.4,
  agreementBonus: 0.1,
  agreementTopHits: 5,
  candidates: 8,
  widerCover: DEFAULT_WIDER_COVER,
  maxFullText: 1500,
  otherArticles: 2,
};

/**
 * The card stage of the answer pipeline, in order: the full text of an
 * article when the worker asks for it ("全文", "chi tiết") after a reply that
 * cited it; the scope notice for another country's own law; a confident
 * reviewed answer card. Returns undefined to let the statute path answer.
 */
export function createCardStep(
  kb: KnowledgeBase,
  book: CardBook,
  matcher: CardMatcher,
  notice: ScopeNotice,
  options: CardStepOptions = DEFAULT_CARD_OPTIONS,
  /** Demotes cards about the other party ending the job (actor-guard.ts). */
  guard: ActorGuard = NO_ACTOR_GUARD,
): CardStep {
  const byLawArticle = new Map(
    kb.passages.filter((p) => p.article !== undefined).map((p) => [`${p.law}#${p.article}`, p]),
  );
  const byId = new Map(kb.passages.map((p) => [p.id, p]));
  const article = (law: string, n: number): Passage | undefined => byLawArticle.get(`${law}#${n}`);
  const findReferences = createReferenceFinder(kb.documents);

  function fullText(input: CardStepInput): CardStepResult | undefined {
    if (!asksForFullText(notice, input.text, input.lang)) return undefined;
    const named = findReferences(input.text);
    const lastBot = [...input.history].reverse().find((t) => t.role === 'bot');
    const refs = named.length > 0 ? named : lastBot ? findReferences(lastBot.text) : [];
    const passage = refs
      .map((r) => byId.get(`${r.docId}#${r.article}`))
      .find((p): p is Passage => p !== undefined && p.inForce);
    if (!passage) return undefined;
    const label = citationLabel(passage);
    const body =
      passage.text.length > options.maxFullText ? `${passage.text.slice(0, options.maxFullText)}…` : passage.text;
    const source: ChosenSource = { passage, label, excerpt: body, bestSentence: body, score: 1 };
    return {
      text: `${label}${input.lang === 'vi' ? ':' : '：'}\n${body}\n\n${input.texts.disclaimer}`,
      sources: [source],
      mode: 'extractive',
      reasons: ['full_text'],
    };
  }

  function otherJurisdiction(input: CardStepInput): CardStepResult | undefined {
    if (!asksAboutOtherJurisdiction(notice, input.text, input.lang)) return undefined;
    const own = input.lang === 'vi' ? notice.reply.vi : notice.reply['zh-Hans'];
    const text = looksEnglish(input.text) ? `${own}\n\n${notice.reply.en}` : own;
    return { text, sources: [], mode: 'refusal', reasons: ['other_jurisdiction'] };
  }

  /** The confident card for a question, with the runner-up's rank already checked; undefined when none is. */
  function confidentCard(input: CardStepInput) {
    // A question that names an article ("第八十二条", "Điều 35") wants that article: the statute path answers it.
    if (findReferences(input.text).length > 0) return undefined;
    const topHits = new Set(input.hits.slice(0, options.agreementTopHits).map((h) => h.passage.id));
    const ranked = matcher
      .match(input.text, input.lang, input.jurisdiction, options.candidates)
      .map((m) => {
        const agrees = m.card.citations.some((c) => topHits.has(article(c.law, c.article)?.id ?? ''));
        const confidence = Math.min(1, m.confidence + (agrees ? options.agreementBonus : 0));
        return { ...m, confidence: confidence * guard(input.text, input.lang, m.card.id) };
      })
      .sort((a, b) => b.confidence - a.confidence);
    const [best, second] = ranked;
    if (!best) return undefined;
    const leads =
      !input.offTopic &&
      best.confidence >= options.minWithLead &&
      best.confidence >= (second?.confidence ?? 0) * options.leadRatio;
    if (best.confidence < options.minConfidence && !leads) return undefined;
    return best;
  }

  /** The best card's reply in the worker's language; `more`: the statute sources and options after them. */
  function composeBest(best: CardMatch, input: CardStepInput, more?: ComposeTail) {
    return composeCardAnswer(best.card, best.confidence, input.lang, book, article, input.texts, input.values, more);
  }

  function card(input: CardStepInput): CardStepResult | undefined {
    if (input.cardsAllowed === false) return undefined;
    const best = confidentCard(input);
    if (!best) return undefined;
    // A message asking two things ("要交钱吗？去哪里申请") also gets the card of the part the best card does not answer.
    const extra = subQuestions(input.text, input.lang)
      .map((part) => matcher.match(part, input.lang, input.jurisdiction, 1)[0])
      .find((m) => m !== undefined && m.card.id !== best.card.id && m.confidence >= options.minConfidence);
    // Read only for a card whose follow-up names facts: most replies never need them.
    const needed = best.card.follow_up_facts;
    const known = needed && input.knownFacts ? input.knownFacts() : undefined;
    const stated = needed?.every((fact) => known?.has(fact)) ?? false;
    const composed = composeBest(best, input, {
      statuteSources: input.statuteSources,
      followUpAnswered: (input.figureFollows ?? false) || stated,
      maxOtherArticles: options.otherArticles,
      extras: extra ? [extra.card] : [],
    });
    if (!composed) return undefined;
    const confidence = Number(best.confidence.toFixed(3));
    return {
      text: composed.text,
      sources: composed.sources,
      mode: 'extractive',
      reasons: [],
      card: { id: best.card.id, confidence },
    };
  }

  return {
    answer(input) {
      return fullText(input) ?? otherJurisdiction(input) ?? card(input);
    },
    plainAnswer(input, allowed) {
      const best = confidentCard(input);
      // Only a card on one of the urgent category's topics: another card's answer would speak past the case.
      if (!best || !(allowed.topics.includes(best.card.topic) || allowed.ids.includes(best.card.id))) return undefined;
      // Only the card's own clauses: the urgent reply lists them beside its category's articles.
      const composed = composeBest(best, input);
      const text = composed?.text.split('\n')[0];
      if (!composed || !text) return undefined;
      const own = composed.sources.filter((s) =>
        best.card.citations.some((c) => c.law === s.passage.law && c.article === s.passage.article),
      );
      return { text, sources: own, card: { id: best.card.id, confidence: Number(best.confidence.toFixed(3)) } };
    },
    englishScope(text) {
      return englishScope(notice, text);
    },
  };
}
