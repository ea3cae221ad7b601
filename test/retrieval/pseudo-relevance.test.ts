import { describe, expect, it } from 'vitest';
import { feedbackTerms } from '../../src/retrieval/expansion/pseudo-relevance.js';

describe('pseudo-relevance feedback', () => {
  const docs = [
    ['工伤', '认定', '认定', '#工伤', '申请'],
    ['工伤', '认定', '鉴定'],
    ['产假', '天'],
  ];
  it('adds frequent words of the top documents that the question lacks, best first, weights in (0, 1]', () => {
    const out = feedbackTerms(
      [0, 1, 2],
      (d) => docs[d]!,
      () => 1,
      new Set(['工伤']),
      { docs: 2, terms: 3 },
    );
    expect(out[0]).toEqual({ term: '认定', weight: 1 });
    expect(out.map((t) => t.term)).not.toContain('工伤');
    expect(out.map((t) => t.term)).not.toContain('#工伤');
    expect(out.map((t) => t.term)).not.toContain('产假');
    expect(out.every((t) => t.weight > 0 && t.weight <= 1)).toBe(true);
  });
  it('returns nothing without documents', () => {
    expect(
      feedbackTerms(
        [],
        (d) => docs[d]!,
        () => 1,
        new Set(),
        { docs: 3, terms: 3 },
      ),
    ).toEqual([]);
  });
});
