import { describe, expect, it } from 'vitest';
import { toAskJson } from '../../src/core/answer-output.js';
import type { BotAnswer } from '../../src/core/types.js';

const base: BotAnswer = {
  language: 'zh-Hans',
  jurisdiction: 'CN',
  answer: 'x',
  citations: [],
  escalate: 'none',
  reasons: [],
  mode: 'extractive',
};

describe('ask --json card field', () => {
  it('shows the answer card and its confidence when a card answered', () => {
    expect(toAskJson({ ...base, card: { id: 'cn-overtime-pay', confidence: 0.42 } }, 1).card).toEqual({
      id: 'cn-overtime-pay',
      confidence: 0.42,
    });
  });

  it('leaves the field out otherwise', () => {
    expect('card' in toAskJson(base, 1)).toBe(false);
  });
});
