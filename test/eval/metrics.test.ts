import { describe, expect, it } from 'vitest';
import { checkThresholds } from '../../eval/gate.js';
import type { EvalCase } from '../../eval/lib/case-schema.js';
import { scoreCase, type ScoringContext } from '../../eval/metrics/score-case.js';
import { percentile, summarize } from '../../eval/metrics/summarize.js';
import type { BotResult } from '../../eval/metrics/types.js';
import { SAMPLE_PASSAGES } from '../helpers/passages.js';

const ctx: ScoringContext = {
  resolveGold: (ref) =>
    ({ 劳动合同法: 'cn/labor-contract-law', 'Bộ luật Lao động 2019': 'vn/bo-luat-lao-dong-2019' })[ref.law],
  resolveLaw: (law) =>
    ({
      劳动合同法: 'cn/labor-contract-law',
      'Bộ luật Lao động 2019': 'vn/bo-luat-lao-dong-2019',
      'Nghị định 12/2022/NĐ-CP': 'vn/nghi-dinh-12-2022-nd-cp',
    })[law],
  passages: new Map(SAMPLE_PASSAGES.map((p) => [p.id, p])),
};

function c(over: Partial<EvalCase> & Pick<EvalCase, 'id' | 'lang'>): EvalCase {
  return {
    question: 'q',
    topic: 't',
    gold_refs: [],
    must_contain: [],
    must_not_contain: [],
    expect_refusal: false,
    ...over,
  };
}
const retrieved = (...ids: string[]) => ids.map((passageId) => ({ passageId, law: '', article: 0 }));

const cases = [
  // gold at rank 1, cited correctly, fact present, not escalated as expected
  scoreCase(
    'd',
    c({
      id: '1',
      lang: 'zh-Hans',
      gold_refs: [{ law: '劳动合同法', article: 82 }],
      must_contain: ['二倍'],
      expect_escalate: 'none',
    }),
    {
      id: '1',
      language: 'zh-Hans',
      answer: '应当支付二倍的工资',
      citations: [{ law: '劳动合同法', article: 82 }],
      escalate: 'none',
      mode: 'extractive',
      latency_ms: 2,
      retrieved: retrieved('cn/labor-contract-law#82', 'cn/labor-contract-law#30'),
    } satisfies BotResult,
    ctx,
  ),
  // gold at rank 2, cites one gold and one non-gold article, fact missing
  scoreCase(
    'd',
    c({ id: '2', lang: 'zh-Hans', gold_refs: [{ law: '劳动合同法', article: 30 }], must_contain: ['支付令'] }),
    {
      id: '2',
      language: 'zh-Hans',
      answer: '及时足额支付劳动报酬',
      citations: [
        { law: '劳动合同法', article: 30 },
        { law: '劳动合同法', article: 82 },
      ],
      escalate: 'none',
      mode: 'extractive',
      latency_ms: 4,
      retrieved: retrieved('cn/labor-contract-law#82', 'cn/labor-contract-law#30'),
    },
    ctx,
  ),
  // urgent expected and given; cites an article out of force
  scoreCase(
    'd',
    c({ id: '3', lang: 'vi', gold_refs: [{ law: 'Bộ luật Lao động 2019', article: 97 }], expect_escalate: 'urgent' }),
    {
      id: '3',
      language: 'vi',
      answer: 'Người lao động được trả lương',
      citations: [{ law: 'Nghị định 12/2022/NĐ-CP', article: 17 }],
      escalate: 'urgent',
      mode: 'extractive',
      latency_ms: 6,
      retrieved: retrieved('vn/nghi-dinh-12-2022-nd-cp#17'),
    },
    ctx,
  ),
  // refusal expected but answered; urgent expected but missed
  scoreCase(
    'd',
    c({ id: '4', lang: 'zh-Hant', expect_refusal: true, expect_escalate: 'urgent' }),
    {
      id: '4',
      language: 'zh-Hant',
      answer: '我只回答勞動問題',
      citations: [],
      escalate: 'none',
      mode: 'extractive',
      latency_ms: 8,
    },
    ctx,
  ),
];

describe('eval metrics', () => {
  const s = summarize(cases);

  it('computes retrieval recall and MRR from gold ranks', () => {
    expect(cases.map((x) => x.goldRank)).toEqual([1, 2, null, null]);
    expect(s.retrievalCases).toBe(3);
    expect(s.recallAt1).toBeCloseTo(1 / 3);
    expect(s.recallAt5).toBeCloseTo(2 / 3);
    expect(s.mrrAt10).toBeCloseTo((1 + 0.5 + 0) / 3);
  });

  it('computes citation validity and precision', () => {
    expect(cases[2]?.invalidCitations).toEqual(['vn/nghi-dinh-12-2022-nd-cp#17']);
    expect(s.citationValidity).toBeCloseTo(2 / 3);
    expect(s.citationPrecision).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(s.citationHit).toBeCloseTo(2 / 3);
  });

  it('computes fact, escalation, refusal and language checks', () => {
    expect(s.mustContainPass).toBeCloseTo(1 / 2);
    expect(s.urgentRecall).toBeCloseTo(1 / 2);
    expect(s.urgentPrecision).toBe(1);
    expect(s.escalationAccuracy).toBeCloseTo(2 / 3);
    expect(s.refusalCorrect).toBeCloseTo(3 / 4);
    expect(s.languageMatch).toBe(1);
    expect(cases[3]?.failedChecks).toEqual(
      expect.arrayContaining(['escalate none != urgent', 'not refused (mode extractive)']),
    );
  });

  it('computes latency percentiles by nearest rank', () => {
    expect(s.latencyP50).toBe(4);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNull();
  });

  it('fails the gate on a missed floor and on a missing group', () => {
    const groups = [{ name: 'all', summary: s }];
    expect(checkThresholds({ floors: { all: { recallAt5: 0.5 } } }, groups)).toEqual([]);
    expect(checkThresholds({ floors: { all: { urgentRecall: 1 } } }, groups)[0]).toMatch(
      /urgentRecall: 0.500 < floor 1/,
    );
    expect(checkThresholds({ floors: { nope: { recallAt5: 0.1 } } }, groups)[0]).toMatch(/not measured/);
  });
});

describe('escalation per level, behaviour shares and fallback', () => {
  const esc = (
    id: string,
    expected: 'urgent' | 'person' | 'none',
    got: 'urgent' | 'person' | 'none',
    mode = 'extractive',
  ) =>
    scoreCase(
      'd',
      c({ id, lang: 'zh-Hans', expect_escalate: expected }),
      { id, language: 'zh-Hans', answer: '请联系工会', escalate: got, mode },
      ctx,
    );
  const set = [
    esc('a', 'person', 'person'),
    esc('b', 'person', 'none'),
    esc('c', 'none', 'person', 'llm'),
    esc('d', 'none', 'none', 'refusal'),
    esc('e', 'urgent', 'urgent'),
  ];

  it('computes precision and recall for each level', () => {
    const s = summarize(set);
    expect(s.personRecall).toBeCloseTo(1 / 2);
    expect(s.personPrecision).toBeCloseTo(1 / 2);
    expect(s.noneRecall).toBeCloseTo(1 / 2);
    expect(s.nonePrecision).toBeCloseTo(1 / 2);
    expect(s.urgentRecall).toBe(1);
    expect(s.escalationAccuracy).toBeCloseTo(3 / 5);
  });

  it('computes behaviour shares over all cases', () => {
    const s = summarize(set);
    expect(s.answeredRate).toBeCloseTo(4 / 5);
    expect(s.escalatedRate).toBeCloseTo(3 / 5);
    expect(s.refusedRate).toBeCloseTo(1 / 5);
    expect(s.errorRate).toBe(0);
  });

  it('measures the fallback rate only when an LLM endpoint was expected', () => {
    expect(summarize(set).fallbackRate).toBeNull();
    expect(summarize(set, { llmExpected: true }).fallbackRate).toBeCloseTo(3 / 4);
    expect(summarize(set).llmShare).toBeCloseTo(1 / 4);
  });
});

describe('language and script match', () => {
  const ask = (lang: 'zh-Hans' | 'zh-Hant' | 'vi', answer: string, language = lang) =>
    scoreCase('d', c({ id: 'x', lang }), { id: 'x', language, answer, escalate: 'none', mode: 'extractive' }, ctx)
      .languageMatch;

  it('wants Traditional out for Traditional in, and Vietnamese for Vietnamese', () => {
    expect(ask('zh-Hant', '僱主應當發給勞動報酬。')).toBe(true);
    expect(ask('zh-Hant', '雇主应当发给劳动报酬。')).toBe(false);
    expect(ask('vi', 'Người lao động được trả lương.')).toBe(true);
    expect(ask('vi', '应当支付工资。')).toBe(false);
  });

  it('does not fail an answer with no script-specific character, and checks the reported language', () => {
    expect(ask('zh-Hant', '12351')).toBe(true);
    expect(ask('zh-Hant', '僱主應當發給勞動報酬。', 'zh-Hans')).toBe(false);
  });
});

describe('language of an answer in another language', () => {
  it('fails an English answer to a Chinese question', () => {
    const r = scoreCase(
      'd',
      c({ id: 'x', lang: 'zh-Hans' }),
      { id: 'x', language: 'zh-Hans', answer: 'Please contact the union.', escalate: 'none', mode: 'llm' },
      ctx,
    );
    expect(r.languageMatch).toBe(false);
    expect(r.failedChecks.some((f) => f.startsWith('language'))).toBe(true);
  });
});
