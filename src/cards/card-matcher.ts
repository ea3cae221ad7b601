import type { DocLanguage, Jurisdiction, Lang } from '../core/types.js';
import type { QueryExpander } from '../retrieval/expansion/query-expander.js';
import { Bm25Index, type Bm25Options } from '../retrieval/lexical/bm25-index.js';
import { weightedQueryTerms } from '../retrieval/lexical/query-terms.js';
import type { Tokenizer } from '../retrieval/tokenize/tokenizer.js';
import type { AnswerCard } from '../knowledge/card-schema.js';
import { NO_REWRITE, type QueryRewrite } from './term-variants.js';
import type { ViCardQuery } from './vi-card-query.js';

/** A card found for a question. */
export interface CardMatch {
  readonly card: AnswerCard;
  /** 0..1: how much of the question and of the best phrasing overlap (idf-weighted, both ways). */
  readonly confidence: number;
  /** The phrasing that matched best (for debugging and tuning). */
  readonly phrasing: string;
}

export interface CardMatcher {
  /** Best cards for a question in one jurisdiction, best first. */
  match(text: string, lang: Lang, jurisdiction: Jurisdiction, k?: number): CardMatch[];
}

/** Same term weights as the statute retriever: expansion terms and Chinese bigrams count half. */
const EXPANSION_WEIGHT = 0.5;
const BIGRAM_WEIGHT = 0.5;
/**
 * A card whose phrasing covers every question word the leading card's phrasing covers, and more, goes first
 * when its confidence is at least `share` of the leader's: a short phrasing fully contained in a longer
 * question ("没交社保") should not beat the card that also reads the rest ("没交社保，辞职能拿补偿吗").
 * Only a leader at least `min` confident is reordered: below it the card step's thresholds decide alone.
 * Values: the answer policy's cardWiderCoverShare / cardWiderCoverMin.
 */
export interface WiderCover {
  readonly share: number;
  readonly min: number;
}
export const DEFAULT_WIDER_COVER: WiderCover = { share: 0.7, min: 0.2 };

type CoveredMatch = CardMatch & { readonly covered: ReadonlySet<string> };

/** Candidates best first; a candidate covering a strict superset of the leader's question words leads. */
export function preferWiderCover(ranked: readonly CoveredMatch[], rule = DEFAULT_WIDER_COVER): CardMatch[] {
  const strip = (m: CardMatch): CardMatch => ({ card: m.card, confidence: m.confidence, phrasing: m.phrasing });
  const [lead, ...rest] = ranked;
  if (!lead || lead.confidence < rule.min) return ranked.map(strip);
  const wider = rest.find(
    (m) =>
      m.confidence >= lead.confidence * rule.share &&
      [...lead.covered].every((t) => m.covered.has(t)) &&
      // At least one more word, not only a character bigram.
      [...m.covered].some((t) => !lead.covered.has(t) && !t.startsWith('#')),
  );
  if (!wider) return ranked.map(strip);
  // The wider card takes the leader's place and confidence; the leader follows it.
  const first = { ...strip(wider), confidence: Math.max(wider.confidence, lead.confidence) };
  return [first, strip(lead), ...rest.filter((m) => m !== wider).map(strip)];
}

interface Doc {
  readonly card: number;
  readonly language: DocLanguage;
  readonly text: string;
  readonly tokens: readonly string[];
  readonly terms: ReadonlySet<string>;
  /** `terms` without Vietnamese question-frame terms: the terms a question's coverage of the phrasing counts. */
  readonly content: readonly string[];
}

/**
 * Card retrieval: a BM25 index over every phrasing (and the situation) of
 * every card, tokenized with the statute retriever's tokenizers and queried
 * with its expansion table. A card's confidence is the geometric mean of how
 * much of the question its best phrasing covers and how much of that
 * phrasing the question covers, so a one-word question does not confidently
 * match a long, specific phrasing, nor a long story a short generic one.
 */
export function createCardMatcher(
  cards: readonly AnswerCard[],
  tokenizers: Readonly<Record<DocLanguage, Tokenizer>>,
  expander: QueryExpander,
  /** How a Vietnamese question is read: abbreviations spelled out, frame terms left out (vi-card-query.ts). */
  vi: ViCardQuery = { spellOut: (t) => t, frameTerm: () => false },
  /** BM25 options; `coverageCap` comes from the answer policy (the same cap as the statute retriever's). */
  bm25Options: Bm25Options = {},
  /** Word variants (Taiwan / HK terms, colloquial synonyms) -> one form, for questions and phrasings alike. */
  rewrite: QueryRewrite = NO_REWRITE,
  widerCover: WiderCover = DEFAULT_WIDER_COVER,
): CardMatcher {
  const docs: Doc[] = [];
  cards.forEach((card, index) => {
    const add = (text: string, language: DocLanguage) => {
      // Phrasings are rewritten like questions, so a Taiwan term in both still matches.
      const tokens = tokenizers[language].tokenizeDocument(rewrite(text, language));
      const terms = new Set(tokens);
      const content = language === 'vi' ? [...terms].filter((t) => !vi.frameTerm(t)) : [...terms];
      docs.push({ card: index, language, text, tokens, terms, content });
    };
    for (const p of [...card.phrasings['zh-Hans'], ...card.phrasings['zh-Hant']]) add(p, 'zh');
    for (const p of card.phrasings.vi) add(p, 'vi');
    if (card.jurisdiction === 'CN' || card.phrasings['zh-Hans'].length > 0) add(card.situation, 'zh');
  });
  const bm25 = new Bm25Index(
    docs.map((d) => d.tokens),
    bm25Options,
  );
  const weightOf = (term: string, base: number) => (term.startsWith('#') ? base * BIGRAM_WEIGHT : base);

  return {
    match(question, lang, jurisdiction, k = 3) {
      const language: DocLanguage = lang === 'vi' ? 'vi' : 'zh';
      const text = rewrite(language === 'vi' ? vi.spellOut(question) : question, language);
      const tokenizer = tokenizers[language];
      const weights = { expansion: EXPANSION_WEIGHT, bigram: BIGRAM_WEIGHT };
      const query = weightedQueryTerms(tokenizer, text, expander.expand(text, language), weights);
      const frame = (term: string) => language === 'vi' && vi.frameTerm(term);
      const own = query.own.filter((t) => !frame(t));
      const terms = query.terms.filter((t) => !frame(t.term));
      const allow = (doc: number) =>
        docs[doc]!.language === language && cards[docs[doc]!.card]!.jurisdiction === jurisdiction;
      const hits = bm25.search(terms, 40, allow);
      const ownSet = new Set(own);
      // A Vietnamese question typed without diacritics only has folded (~) terms: measure phrasings on theirs alone.
      const foldedOnly = language === 'vi' && own.length > 0 && own.every((t) => t.startsWith('~'));
      const best = new Map<number, CoveredMatch>();
      for (const hit of hits) {
        const doc = docs[hit.doc]!;
        // Share of the phrasing's idf mass that the question's own words contain.
        let mass = 0;
        let covered = 0;
        for (const term of doc.content) {
          if (foldedOnly && !term.startsWith('~')) continue;
          const w = bm25.idf(term) * weightOf(term, 1);
          mass += w;
          if (ownSet.has(term)) covered += w;
        }
        const docCoverage = mass > 0 ? covered / mass : 0;
        const confidence = Math.sqrt(hit.coverage * docCoverage);
        const previous = best.get(doc.card);
        if (!previous || confidence > previous.confidence) {
          const covered = new Set([...doc.terms].filter((t) => ownSet.has(t)));
          best.set(doc.card, { card: cards[doc.card]!, confidence, phrasing: doc.text, covered });
        }
      }
      return preferWiderCover(
        [...best.values()].sort((a, b) => b.confidence - a.confidence),
        widerCover,
      ).slice(0, k);
    },
  };
}
