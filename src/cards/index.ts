import type { KnowledgeBase } from '../core/types.js';
import { loadLexicalParts, type LexicalParts } from '../retrieval/index-cache.js';
import { createCardMatcher } from './card-matcher.js';
import { createCardStep, DEFAULT_CARD_OPTIONS, type CardStep, type CardStepOptions } from './card-step.js';
import { checkCards } from './check-cards.js';
import { CardError, loadCards } from './load-cards.js';
import { loadTermRewrite } from './term-variants.js';
import { loadScopeNotice } from './scope-notice.js';
import { loadActorGuard } from './actor-guard.js';

export { createCardStep, type CardStep, type CardStepInput, type CardStepResult } from './card-step.js';
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
): CardStep {
  const book = loadCards(knowledgeDir);
  const problems = checkCards(book, kb.passages);
  if (problems.length > 0) throw new CardError(`knowledge/cards: ${problems.length} card problems, first: ${problems[0]}`);
  const matcher = createCardMatcher(book.cards, lexical.tokenizers, lexical.expander, loadTermRewrite(knowledgeDir));
  const guard = loadActorGuard(knowledgeDir, new Set(book.cards.map((c) => c.id)));
  return createCardStep(kb, book, matcher, loadScopeNotice(knowledgeDir), options, guard);
}
