import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardOptionsOf, DEFAULT_ANSWER_POLICY, type AnswerPolicy } from '../../src/answer/answer-policy.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { loadCardStep, type CardStepInput } from '../../src/cards/index.js';
import { loadLexicalParts } from '../../src/retrieval/index-cache.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
let kb: KnowledgeBase;
let lexical: ReturnType<typeof loadLexicalParts>;

beforeAll(async () => {
  kb = await loadKnowledge(KNOWLEDGE);
  lexical = loadLexicalParts(KNOWLEDGE);
});

const step = (policy: Partial<AnswerPolicy>) => {
  const p = { ...DEFAULT_ANSWER_POLICY, ...policy };
  return loadCardStep(kb, KNOWLEDGE, cardOptionsOf(p), lexical, p.coverageCap);
};
const input: CardStepInput = {
  text: '公司一直没跟我签劳动合同，能拿双倍工资吗',
  lang: 'zh-Hans',
  jurisdiction: 'CN',
  history: [],
  hits: [],
  texts: { sources_heading: '相关法条：', disclaimer: '以上是法律信息。' },
  values: { union_hotline: '12351' },
};

describe('card step under the answer policy', () => {
  it('answers from a card only at the policy confidence (card vs statute)', () => {
    const answered = step({}).answer(input);
    expect(answered?.card?.id).toBe('cn-no-contract-double-pay');
    const confidence = answered!.card!.confidence;
    // Just above the card's confidence, with no lead rule to fall back on: the statute path answers.
    const stricter = step({ cardMinConfidence: Math.min(1, confidence + 0.01), cardMinWithLead: 1 });
    expect(stricter.answer(input)).toBeUndefined();
  });

  it("measures a card's confidence with the policy's coverage cap", () => {
    const base = step({}).answer(input)!.card!.confidence;
    // A cap below the question's idf mass makes partial coverage count as full: confidence rises.
    expect(step({ coverageCap: 1 }).answer(input)!.card!.confidence).toBeGreaterThan(base);
  });

  it('cuts a requested full article text at fullTextMaxChars', () => {
    const history = [{ role: 'bot' as const, text: '《劳动合同法》第八十二条：……' }];
    const full = step({}).answer({ ...input, text: '第八十二条全文', history });
    expect(full?.reasons).toEqual(['full_text']);
    const short = step({ fullTextMaxChars: 100 }).answer({ ...input, text: '第八十二条全文', history });
    expect(short?.sources[0]?.excerpt).toHaveLength(101);
    expect(short?.sources[0]?.excerpt.endsWith('…')).toBe(true);
  });
});
