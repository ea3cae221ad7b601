import { botTurnText } from '../../src/core/bot-turn-text.js';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine, loadReplyBook, loadScopeRules } from '../../src/answer/index.js';
import type { HotlineBook } from '../../src/answer/hotlines.js';
import { createCalculatorHook, loadCalculatorData } from '../../src/calculators/index.js';
import { toAskJson } from '../../src/core/answer-output.js';
import type { Retriever, Triage } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { DEFAULT_ANSWER_POLICY } from '../../src/answer/answer-policy.js';

const kb = await loadKnowledge('knowledge');
const hotlines: HotlineBook = {
  CN: { union: '12351', emergency: '110 / 120' },
  VN: { union: null, emergency: '113 / 115' },
};

/** Returns article 47 for any Chinese question: enough to see whether retrieval ran. */
const fixedRetriever: Retriever = {
  name: 'fixed',
  async retrieve({ jurisdiction }) {
    const p = kb.passages.find(
      (x) => x.id === (jurisdiction === 'CN' ? 'cn/labor-contract-law#47' : 'vn/bo-luat-lao-dong-2019#46'),
    )!;
    return [{ passage: p, score: 1, confidence: 0.9 }];
  },
};

function engine(triage: Triage = { level: 'none', reasons: [] }) {
  return createAnswerEngine({
    kb,
    retriever: fixedRetriever,
    triage: () => triage,
    scope: loadScopeRules('knowledge'),
    replies: loadReplyBook('knowledge'),
    hotlines,
    policy: { ...DEFAULT_ANSWER_POLICY, minAnswerConfidence: 0.2 },
    calculator: createCalculatorHook(loadCalculatorData('knowledge'), kb.passages),
  });
}

describe('calculator hook in the answer pipeline', () => {
  it('answers a figure with the working, cited articles and a calculation field', async () => {
    const a = await engine().ask({ text: '我干了4年8个月被辞退，月薪6000，经济补偿多少？', debug: true });
    expect(a.calculation).toMatchObject({ kind: 'cn_compensation', result: 30000, unit: 'CNY' });
    expect(a.answer).toContain('30000');
    expect(a.answer).toContain('《劳动合同法》第四十七条');
    expect(a.citations.map((c) => c.passageId)).toContain('cn/labor-contract-law#47');
    expect(a.retrieved?.[0]?.passageId).toBe('cn/labor-contract-law#47'); // evals still see the retrieval list
    expect(toAskJson(a, 1).calculation?.result).toBe(30000);
  });

  it('replies in Traditional script and continues from a Traditional history', async () => {
    const e = engine();
    const first = await e.ask({ text: '我做了兩年半被辭退，經濟補償多少？' });
    expect(first.language).toBe('zh-Hant');
    expect(first.answer).toContain('月工資');
    expect(first.calculation).toBeUndefined();
    // The pending question's state travels in the memo, never in what the worker sees.
    expect(first.answer).not.toContain('〔calc');
    expect(first.memo).toMatch(/^〔calc cn_compensation ask=wage/);
    const second = await e.ask({
      text: '月薪1萬2',
      conversationLang: 'zh-Hant',
      history: [
        { role: 'worker', text: '我做了兩年半被辭退，經濟補償多少？' },
        { role: 'bot', text: botTurnText(first) },
      ],
    });
    expect(second.calculation?.result).toBe(36000);
    expect(second.answer).toContain('《勞動合同法》第四十七條');
    expect(second.calculation?.citations).toContain('《勞動合同法》第四十七條');
    expect(second.calculation?.formula).toContain('月工資 12000 元');
  });

  it('keeps the urgent escalation and its prefix', async () => {
    const a = await engine({ level: 'urgent', reasons: ['injury'] }).ask({
      text: '2025年6月1日在车间受伤，工伤认定申请期限到哪天',
    });
    expect(a.escalate).toBe('urgent');
    expect(a.reasons).toContain('injury');
    expect(a.answer).toContain('12351');
    expect(a.calculation?.result).toBe('2026-06-01');
  });

  it('leaves other questions to retrieval', async () => {
    const a = await engine().ask({ text: '经济补偿怎么算' });
    expect(a.calculation).toBeUndefined();
    expect(a.citations[0]?.passageId).toBe('cn/labor-contract-law#47');
  });
});
