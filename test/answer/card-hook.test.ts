import { describe, expect, it } from 'vitest';
import { createAnswerEngine, loadReplyBook, loadScopeRules } from '../../src/answer/index.js';
import { citationLabel } from '../../src/citations/citation-label.js';
import type { CardStep } from '../../src/cards/card-step.js';
import type { KnowledgeBase, Retriever, Triage } from '../../src/core/types.js';
import { SAMPLE_PASSAGES } from '../helpers/passages.js';
import { DEFAULT_ANSWER_POLICY } from '../../src/answer/answer-policy.js';

const kb: KnowledgeBase = { documents: [], passages: SAMPLE_PASSAGES, contentHash: 'test' };
const p82 = SAMPLE_PASSAGES.find((p) => p.id === 'cn/labor-contract-law#82')!;
const retriever: Retriever = { name: 'fixed', retrieve: async () => [{ passage: p82, score: 1, confidence: 0.9 }] };

/** A card step that always answers from one card, and knows English. */
const cards: CardStep = {
  answer: (input) => ({
    text: `CARD ${input.lang}`,
    sources: [
      {
        passage: p82,
        label: citationLabel(p82),
        excerpt: '应当向劳动者每月支付二倍的工资',
        bestSentence: '',
        score: 0.8,
      },
    ],
    mode: 'extractive',
    reasons: [],
    card: { id: 'cn-no-contract-double-pay', confidence: 0.8 },
  }),
  plainAnswer: () => undefined,
  englishScope: (text) =>
    /[a-z]{4}/i.test(text)
      ? 'I can only answer questions about the labor law of mainland China (PRC) and Vietnam.'
      : undefined,
};

function engine(triage: Triage = { level: 'none', reasons: [] }) {
  return createAnswerEngine({
    kb,
    retriever,
    triage: () => triage,
    scope: loadScopeRules('knowledge'),
    replies: loadReplyBook('knowledge'),
    hotlines: { CN: { union: '12351', emergency: '110 / 120' }, VN: { union: null, emergency: '113 / 115' } },
    policy: { ...DEFAULT_ANSWER_POLICY, minAnswerConfidence: 0.2 },
    cards,
  });
}

describe('answer engine card hook', () => {
  it('returns the card reply with its card id, citations and the retrieval list', async () => {
    const a = await engine().ask({ text: '公司没跟我签合同能要二倍工资吗', debug: true });
    expect(a.answer.startsWith('CARD zh-Hans')).toBe(true);
    expect(a.card).toEqual({ id: 'cn-no-contract-double-pay', confidence: 0.8 });
    expect(a.citations[0]?.label).toBe('《劳动合同法》第八十二条');
    expect(a.retrieved?.[0]?.passageId).toBe('cn/labor-contract-law#82');
  });

  it('keeps the urgent introduction and escalation in front of a card reply', async () => {
    const a = await engine({ level: 'urgent', reasons: ['injury'] }).ask({ text: '工友受伤了公司没签合同怎么办' });
    expect(a.escalate).toBe('urgent');
    expect(a.answer.indexOf('12351')).toBeLessThan(a.answer.indexOf('CARD'));
  });

  it('adds the scope in English to the unknown-language reply for an English message', async () => {
    const a = await engine().ask({ text: 'Hello, what are my rights about overtime pay in Japan?' });
    expect(a.mode).toBe('invalid_input');
    expect(a.answer).toContain('mainland China (PRC) and Vietnam');
  });
});
