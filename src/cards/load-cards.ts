import { loadCardBook, type CardBook } from '../knowledge/load-cards.js';

export type { CardBook };

/** A card that fails the card check (src/cards/check-cards.ts). */
export class CardError extends Error {}

/** Loads and validates knowledge/cards (src/knowledge/load-cards.ts); a bad file stops start-up naming the field. */
export function loadCards(knowledgeDir: string): CardBook {
  return loadCardBook(knowledgeDir);
}
