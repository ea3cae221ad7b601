import { loadCardBook, type CardBook } from '../knowledge/load-cards.js';

export type { CardBook };

/** A card that fails the card check (src/cards/check-cards.ts). */
export class CardError extends Error {}

/** Loads and validates knowledge/cards (src/knowledge/load-cards.ts); an invalid file stops start-up with its name and field. */
export function loadCards(knowledgeDir: string): CardBook {
  return loadCardBook(knowledgeDir);
}
