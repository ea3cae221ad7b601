import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCardBook } from '../../src/knowledge/load-cards.js';
import { tempKnowledge } from './helpers.js';

const wages = JSON.parse(readFileSync('knowledge/cards/cn/wages.json', 'utf8')) as { cards: Record<string, unknown>[] };
const realCard = wages.cards[0]!;
const texts = JSON.parse(readFileSync('knowledge/cards/card-texts.json', 'utf8')) as unknown;

describe('loadCardBook', () => {
  it('loads the cards of each folder and remembers their file', () => {
    const { dir, write } = tempKnowledge('cards-ok');
    write('cards/cn/a.json', { cards: [realCard] });
    write('cards/card-texts.json', texts);
    const book = loadCardBook(dir);
    expect(book.cards).toHaveLength(1);
    expect(book.sourceOf.get(String(realCard.id))).toBe('cn/a.json');
    expect(book.hantPhrases).toEqual([]);
  });

  it('names the file of a duplicate card id', () => {
    const { dir, write } = tempKnowledge('cards-dup');
    write('cards/cn/a.json', { cards: [realCard] });
    write('cards/cn/b.json', { cards: [realCard] });
    write('cards/card-texts.json', texts);
    expect(() => loadCardBook(dir)).toThrow(/cn\/b\.json: cards\[0\]\.id: duplicate card id .* \(also in cn\/a\.json\)/);
  });

  it('names the file of a card in the wrong jurisdiction folder', () => {
    const { dir, write } = tempKnowledge('cards-folder');
    write('cards/vn/a.json', { cards: [realCard] });
    write('cards/card-texts.json', texts);
    expect(() => loadCardBook(dir)).toThrow(/vn\/a\.json: cards\[0\]\.id: card .* has jurisdiction CN in the vn folder/);
  });

  it('names the field of an invalid card', () => {
    const { dir, write } = tempKnowledge('cards-field');
    write('cards/cn/a.json', { cards: [{ ...realCard, key_facts: [] }] });
    write('cards/card-texts.json', texts);
    expect(() => loadCardBook(dir)).toThrow(/cn\/a\.json: cards\[0\]\.key_facts: /);
  });
});
