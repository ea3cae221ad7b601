import { describe, expect, it } from 'vitest';
import { answerShape, bodyBeforeCitations, firstSentence } from '../../eval/metrics/answer-shape.js';
import type { ScoredCase } from '../../eval/metrics/types.js';
import { evalCaseSchema } from '../../eval/lib/case-schema.js';

function scored(answer: string, extra: Record<string, unknown>, card?: string): ScoredCase {
  const c = evalCaseSchema.parse({ id: 'x', lang: 'zh-Hans', question: 'q', ...extra });
  return {
    dataset: 'everyday-questions',
    case: c,
    result: { id: 'x', answer, mode: 'extractive', ...(card ? { card: { id: card, confidence: 0.5 } } : {}) },
    goldIds: [],
    goldRank: null,
    invalidCitations: [],
    citedIds: [],
    languageMatch: true,
    failedChecks: [],
  };
}

describe('answer-shape metrics', () => {
  it('cuts the first sentence at 。 or a line break, and the body at the sources heading', () => {
    expect(firstSentence('单位应当每月支付二倍的工资。起算时间是…')).toBe('单位应当每月支付二倍的工资。');
    expect(firstSentence('Bạn được nghỉ 06 tháng. Sinh đôi thì thêm')).toBe('Bạn được nghỉ 06 tháng.');
    expect(bodyBeforeCitations('答案。\n\n相关法条：\n《劳动法》第四十四条')).toBe('答案。');
  });

  it('scores key fact first, card hit and reply length', () => {
    const cases = [
      scored('应当支付二倍的工资。\n相关法条：…', { key_fact: '二倍', expect_card: 'cn-a' }, 'cn-a'),
      scored('根据第八十二条：\n二倍的工资', { key_fact: '二倍', expect_card: 'cn-a' }),
      scored('我只能回答中国和越南的劳动法律问题。', { key_fact: '中国', expect_card: null }),
    ];
    const s = answerShape(cases);
    expect(s.keyFactFirst).toBeCloseTo(2 / 3);
    expect(s.cardHit).toBeCloseTo(2 / 3);
    expect(s.replyLengthP50).toBe(14);
  });

  it('is null for datasets without the fields', () => {
    const s = answerShape([scored('x', {})]);
    expect(s.keyFactFirst).toBeNull();
    expect(s.cardHit).toBeNull();
    expect(s.replyLengthP50).toBeNull();
  });
});
