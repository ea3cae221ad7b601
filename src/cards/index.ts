import type { KnowledgeBase } from '../core/types.js';
import { loadCardsFolder, type CardsKnowledge } from '../knowledge/load-cards.js';
import { loadLexicalParts, type LexicalParts } from '../retrieval/index-cache.js';
import { createCardMatcher } from './card-matcher.js';
import { createCardStep, DEFAULT_CARD_OPTIONS, type CardStep, type CardStepOptions } from './card-step.js';
import { checkCards } from './check-cards.js';
import { CardError } from './load-cards.js';
import { loadActorGuard, type ActorGuard } from './actor-guard.js';
import { loadTermRewrite, type QueryRewrite } from './term-variants.js';
import { loadViCardQuery, type ViCardQuery } from './vi-card-query.js';

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
  return buildCardStep(kb, cards, lexical, options, loadCardReaders(knowledgeDir, cards), coverageCap);
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

/** Loads the card readers of `knowledgeDir/cards` (a missing optional table means no rewrite / no guard). */
export function loadCardReaders(knowledgeDir: string, cards: CardsKnowledge): CardReaders {
  return {
    vi: loadViCardQuery(knowledgeDir),
    rewrite: loadTermRewrite(knowledgeDir),
    guard: loadActorGuard(knowledgeDir, new Set(cards.cards.map((c) => c.id))),
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
  );
  return createCardStep(kb, cards, matcher, cards.scopeNotice, options, readers.guard);
}
