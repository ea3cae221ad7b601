import { describe, expect, it } from 'vitest';
import { preferWiderCover } from '../../src/cards/card-matcher.js';
import type { AnswerCard } from '../../src/knowledge/card-schema.js';

/** Only the id matters to the reordering. */
const card = (id: string) => ({ id }) as AnswerCard;
const match = (id: string, confidence: number, covered: string[]) => ({
  card: card(id),
  confidence,
  phrasing: id,
  covered: new Set(covered),
});

describe('preferWiderCover', () => {
  it('puts first the card whose phrasing also reads the rest of the question', () => {
    const out = preferWiderCover([
      match('not-paid', 0.46, ['单位', '不帮', '社保']),
      match('quit-with-compensation', 0.4, ['单位', '不帮', '社保', '补偿']),
    ]);
    expect(out.map((m) => m.card.id)).toEqual(['quit-with-compensation', 'not-paid']);
    expect(out[0]!.confidence).toBe(0.46);
  });

  it('keeps the order when the other card misses a word the leader covers', () => {
    const out = preferWiderCover([
      match('a', 0.46, ['单位', '没帮', '社保']),
      match('b', 0.4, ['单位', '社保', '补偿']),
    ]);
    expect(out.map((m) => m.card.id)).toEqual(['a', 'b']);
  });

  it('keeps the order when the wider card is much weaker, adds only a bigram, or the leader is weak', () => {
    expect(preferWiderCover([match('a', 0.5, ['社保']), match('b', 0.2, ['社保', '补偿'])])[0]!.card.id).toBe('a');
    expect(preferWiderCover([match('a', 0.5, ['社保']), match('b', 0.45, ['社保', '#社保'])])[0]!.card.id).toBe('a');
    expect(preferWiderCover([match('a', 0.1, ['社保']), match('b', 0.09, ['社保', '补偿'])])[0]!.card.id).toBe('a');
  });
});
