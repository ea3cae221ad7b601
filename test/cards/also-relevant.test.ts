import { describe, expect, it } from 'vitest';
import { alsoRelevant } from '../../src/cards/compose-card-answer.js';

describe('the heading before the other relevant articles', () => {
  it('puts a space after a Latin colon (the loader trims the data) and none after a full-width one', () => {
    expect(alsoRelevant('Điều luật khác có thể liên quan:') + 'Điều 55').toBe(
      'Điều luật khác có thể liên quan: Điều 55',
    );
    expect(alsoRelevant('其他可能相关的法条：') + '《劳动法》第四十一条').toBe(
      '其他可能相关的法条：《劳动法》第四十一条',
    );
  });
});
