import type { KnowledgeBase } from '../core/types.js';
import { loadCardsFolder, type CardsKnowledge } from '../knowledge/load-cards.js';
import { loadDictionaries, type TokenizerDictionaries } from '../knowledge/load-dict.js';
import { loadLexicalParts, type LexicalParts } from '../retrieval/index-cache.js';
import { createCardMatcher } from './card-matcher.js';
import { createCardStep, DEFAULT_CARD_OPTIONS, type CardStep, type CardStepOptions } from './card-step.js';
import { checkCards } from './check-cards.js';
import { CardError } from './load-cards.js';
import { createActorGuard, type ActorGuard } from './actor-guard.js';
import { createTermRewrite, type QueryRewrite } from './term-variants.js';
import { createViCardQuery, type ViCardQuery } from './vi-card-query.js';

export {
  createCardStep,
  DEFAULT_CARD_OPTIONS,
  type CardStepOptions,
  type CardStep,
  type CardStepInput,
  type CardStepResult,
} from './card-step.js';
export { loadCards, type CardBook } from './load-cards.js';
export { checkCards } from './check-cards.js';

/**
 * Loads knowledge/cards, refuses to start with a card that fails the card
 * check, and builds the card step with the statute retriever's tokenizers and
 * expansion table (`lexical`: the ones the retriever was built with; loaded
 * from `knowledgeDir` when not given).
 */
export function loadCardStep(
  kb: KnowledgeBase,
  knowledgeDir: string,
  options: CardStepOptions = DEFAULT_CARD_OPTIONS,
  lexical: LexicalParts = loadLexicalParts(knowledgeDir),
  /** The card matcher's BM25 coverage cap (answer policy); the index default when not given. */
  coverageCap?: number,
): CardStep {
  const cards = loadCardsFolder(knowledgeDir);
  const readers = cardReadersFrom(cards, loadDictionaries(knowledgeDir));
  return buildCardStep(kb, cards, lexical, options, readers, coverageCap);
}

/** How questions are read before matching: reviewed tables in knowledge/cards beside the cards. */
export interface CardReaders {
  /** Vietnamese chat abbreviations and question-frame terms. */
  readonly vi?: ViCardQuery;
  /** Chinese word variants (Taiwan / HK terms, colloquial synonyms) folded to one form. */
  readonly rewrite?: QueryRewrite;
  /** Demotes cards about the other party ending the job. */
  readonly guard?: ActorGuard;
}

/**
 * The card readers from the loaded reader tables (`cards.readerTables`); `knowledgeDir` only for the
 * Vietnamese stopwords of the tokenizer's dictionary.
 */
export function cardReadersFrom(cards: CardsKnowledge, dict: Pick<TokenizerDictionaries, 'viStopwords'>): CardReaders {
  const tables = cards.readerTables;
  return {
    vi: createViCardQuery(tables.viAbbreviations, dict.viStopwords),
    rewrite: createTermRewrite(tables.termVariants),
    guard: createActorGuard(tables.actorCues),
  };
}

/** The card step from loaded knowledge/cards (`knowledge.cards`); refuses to start with a card that fails the check. */
export function buildCardStep(
  kb: KnowledgeBase,
  cards: CardsKnowledge,
  lexical: LexicalParts,
  options: CardStepOptions = DEFAULT_CARD_OPTIONS,
  readers: CardReaders = {},
  /** The card matcher's BM25 coverage cap (answer policy); the index default when not given. */
  coverageCap?: number,
): CardStep {
  const problems = checkCards(cards, kb.passages);
  if (problems.length > 0)
    throw new CardError(`knowledge/cards: ${problems.length} card problems, first: ${problems[0]}`);
  const bm25Options = coverageCap === undefined ? {} : { coverageCap };
  const matcher = createCardMatcher(
    cards.cards,
    lexical.tokenizers,
    lexical.expander,
    readers.vi,
    bm25Options,
    readers.rewrite,
    options.widerCover,
  );
  return createCardStep(kb, cards, matcher, cards.scopeNotice, options, readers.guard);
}
