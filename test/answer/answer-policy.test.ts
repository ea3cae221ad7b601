import { describe, expect, it } from 'vitest';
import { createAnswerEngine, loadReplyBook, loadScopeRules } from '../../src/answer/index.js';
import {
  answerPolicySchema,
  cardOptionsOf,
  DEFAULT_ANSWER_POLICY,
  retrievalConfidenceOf,
  type AnswerPolicy,
} from '../../src/answer/answer-policy.js';
import { DEFAULT_CARD_OPTIONS } from '../../src/cards/card-step.js';
import type { KnowledgeBase, Retriever, ScoredPassage } from '../../src/core/types.js';
import { DEFAULT_RETRIEVAL_CONFIDENCE } from '../../src/retrieval/hybrid-retriever.js';
import { DEFAULT_COVERAGE_CAP } from '../../src/retrieval/lexical/bm25-index.js';
import { SAMPLE_PASSAGES } from '../helpers/passages.js';

describe('answer policy defaults', () => {
  it('are the values the bot ran with before the policy existed', () => {
    expect(DEFAULT_ANSWER_POLICY).toEqual({
      minAnswerConfidence: 0.12,
      unknownScopeMinConfidence: 0.35,
      extraCitationConfidenceShare: 0.6,
      extraCitationScoreShare: 0.8,
      coverageCap: 120,
      vectorAgreementFactor: 1.15,
      vectorAgreementRank: 10,
      cardMinConfidence: 0.3,
      cardMinWithLead: 0.15,
      cardLeadRatio: 1.4,
      cardAgreementBonus: 0.1,
      cardAgreementTopHits: 5,
      cardCandidates: 8,
      cardWiderCoverShare: 0.7,
      cardWiderCoverMin: 0.2,
      maxMessageChars: 2000,
      maxCitations: 3,
      excerptCharsZh: 220,
      excerptCharsVi: 420,
      fullTextMaxChars: 1500,
      cardOtherArticles: 2,
      draftMaxPassages: 6,
    });
  });

  it('match the fallbacks of the modules below (cards, retriever, BM25 index), so tools without a policy agree', () => {
    expect(cardOptionsOf(DEFAULT_ANSWER_POLICY)).toEqual(DEFAULT_CARD_OPTIONS);
    const { coverageCap, ...vector } = retrievalConfidenceOf(DEFAULT_ANSWER_POLICY);
    expect(coverageCap).toBe(DEFAULT_COVERAGE_CAP);
    expect(vector).toEqual(DEFAULT_RETRIEVAL_CONFIDENCE);
  });

  it('rejects unknown fields and out-of-range values', () => {
    expect(answerPolicySchema.safeParse({ minConfidence: 0.2 }).success).toBe(false);
    expect(answerPolicySchema.safeParse({ cardLeadRatio: 0.5 }).success).toBe(false);
    expect(answerPolicySchema.safeParse({ maxCitations: 2 }).success).toBe(true);
  });
});

describe('the answer engine follows the policy it is given', () => {
  const kb: KnowledgeBase = { documents: [], passages: SAMPLE_PASSAGES, contentHash: 'test' };
  const cn = SAMPLE_PASSAGES.filter((p) => p.jurisdiction === 'CN' && p.inForce && p.kind === 'article');
  // Fixed hits: the sample's Chinese articles, confidence 0.5, 0.45 and scores 1, 0.95.
  const retriever: Retriever = {
    name: 'fixed',
    async retrieve() {
      return cn.map((passage, i): ScoredPassage => ({ passage, score: 1 - i * 0.05, confidence: 0.5 - i * 0.05 }));
    },
  };
  const engine = (policy: Partial<AnswerPolicy>) =>
    createAnswerEngine({
      kb,
      retriever,
      triage: () => ({ level: 'none', reasons: [] }),
      scope: loadScopeRules('knowledge'),
      replies: loadReplyBook('knowledge'),
      hotlines: { CN: { union: '12351', emergency: '110 / 120' }, VN: { union: null, emergency: '113 / 115' } },
      policy: { ...DEFAULT_ANSWER_POLICY, ...policy },
    });
  const question = '公司拖欠工资，劳动合同怎么办';

  it('quotes up to maxCitations articles that match nearly as well as the best', async () => {
    expect(cn).toHaveLength(2);
    expect((await engine({}).ask({ text: question })).citations).toHaveLength(2);
    expect((await engine({ maxCitations: 1 }).ask({ text: question })).citations).toHaveLength(1);
    // 0.45 < 0.5 × 0.95: the second article no longer counts as "nearly as good".
    expect((await engine({ extraCitationConfidenceShare: 0.95 }).ask({ text: question })).citations).toHaveLength(1);
  });

  it('hands off instead of answering below minAnswerConfidence', async () => {
    const answer = await engine({ minAnswerConfidence: 0.6 }).ask({ text: question });
    expect(answer.mode).toBe('no_source');
    expect(answer.escalate).toBe('person');
    expect(answer.citations).toHaveLength(0);
  });

  it('asks for a shorter message above maxMessageChars', async () => {
    const answer = await engine({ maxMessageChars: 60 }).ask({ text: question.repeat(6) });
    expect(answer.mode).toBe('invalid_input');
    expect(answer.reasons).toContain('too_long');
    expect(answer.answer).toContain('60');
  });

  it('quotes whole articles up to excerptCharsZh and a selection of sentences beyond it', async () => {
    const longest = Math.max(...cn.map((p) => p.text.length));
    expect(longest).toBeGreaterThan(40);
    const whole = await engine({ excerptCharsZh: longest }).ask({ text: question });
    expect(whole.citations.map((c) => c.excerpt)).toEqual(cn.map((p) => p.text.trim()));
    const cut = await engine({ excerptCharsZh: 40 }).ask({ text: question });
    const cutLongest = cut.citations.find((c) => c.passageId === cn.find((p) => p.text.length === longest)!.id)!;
    expect(cutLongest.excerpt.length).toBeLessThan(longest);
  });
});
