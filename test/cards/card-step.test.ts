import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase, Lang } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { loadCardStep, type CardStep, type CardStepInput } from '../../src/cards/index.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
let kb: KnowledgeBase;
let step: CardStep;

beforeAll(async () => {
  kb = await loadKnowledge(KNOWLEDGE);
  step = loadCardStep(kb, KNOWLEDGE);
});

const texts = { sources_heading: '相关法条：', disclaimer: '以上是法律信息。' };
function input(text: string, lang: Lang, extra: Partial<CardStepInput> = {}): CardStepInput {
  return {
    text,
    lang,
    jurisdiction: lang === 'vi' ? 'VN' : 'CN',
    history: [],
    hits: [],
    texts,
    values: { union_hotline: '12351' },
    ...extra,
  };
}

describe('card step', () => {
  it('answers a clear question with the plain answer first, then the quoted clause and next steps', () => {
    const r = step.answer(input('公司一直没跟我签劳动合同，能拿双倍工资吗', 'zh-Hans'))!;
    expect(r.card?.id).toBe('cn-no-contract-double-pay');
    const lines = r.text.split('\n');
    expect(lines[0]).toContain('二倍');
    expect(r.text.indexOf('《劳动合同法》第八十二条：“')).toBeGreaterThan(r.text.indexOf('相关法条'));
    expect(r.text).toContain('劳动人事争议仲裁委员会');
    expect(r.text).toContain('12351');
    expect(r.sources.map((s) => s.passage.id)).toContain('cn/labor-contract-law#82');
    expect(r.mode).toBe('extractive');
  });

  it('gives an urgent reply the plain answer only of a card on an allowed topic or id', () => {
    const q = input('公司一直没跟我签劳动合同，能拿双倍工资吗', 'zh-Hans');
    const plain = step.plainAnswer(q, { topics: ['no_contract', 'contract'], ids: [] });
    expect(plain?.card.id).toBe('cn-no-contract-double-pay');
    expect(plain?.text).toContain('二倍');
    expect(step.plainAnswer(q, { topics: ['work_injury'], ids: [] })).toBeUndefined();
    expect(step.plainAnswer(q, { topics: [], ids: [] })).toBeUndefined();
    expect(step.plainAnswer(q, { topics: [], ids: ['cn-no-contract-double-pay'] })?.card.id).toBe(
      'cn-no-contract-double-pay',
    );
  });

  it('answers both questions of a two-question message, each with its own clause', () => {
    const r = step.answer(input('想申请劳动仲裁，要花钱吗？应该到哪个地方的仲裁委申请', 'zh-Hans'))!;
    expect(r.text).toContain('不收费');
    expect(r.text).toContain('劳动争议由劳动合同履行地');
    const ids = r.sources.map((s) => s.passage.id);
    expect(ids).toContain('cn/labor-dispute-mediation-arbitration-law#53');
    expect(ids).toContain('cn/labor-dispute-mediation-arbitration-law#21');
    // One question gets one card's answer only.
    const single = step.answer(input('申请劳动仲裁要花钱吗', 'zh-Hans'))!;
    expect(single.text).not.toContain('劳动争议由劳动合同履行地');
    expect(single.sources.map((s) => s.passage.id)).not.toContain('cn/labor-dispute-mediation-arbitration-law#21');
  });

  it('leaves out a next-steps sentence whose hotline is not set, instead of showing it empty', () => {
    const withoutHotline = step.answer(
      input('cong ty khong dong bao hiem cho em', 'vi', { values: { union_hotline: '' } }),
    )!;
    expect(withoutHotline.text).toContain('Bước tiếp theo');
    expect(withoutHotline.text).not.toMatch(/Công đoàn: ?\.|\{union_hotline\}/);
    const withHotline = step.answer(
      input('cong ty khong dong bao hiem cho em', 'vi', { values: { union_hotline: '1900 0000' } }),
    )!;
    expect(withHotline.text).toContain('Công đoàn: 1900 0000.');
  });

  it("drops the card's question for a missing fact when a computed figure follows", () => {
    const asking = step.answer(input('干了4年8个月被辞退，月薪6000，经济补偿多少？', 'zh-Hans'))!;
    const withFigure = step.answer(
      input('干了4年8个月被辞退，月薪6000，经济补偿多少？', 'zh-Hans', { figureFollows: true }),
    )!;
    expect(asking.card?.id).toBe(withFigure.card?.id);
    expect(withFigure.text.split('\n').length).toBe(asking.text.split('\n').length - 1);
  });

  it("drops the card's question when the message states every fact it asks for, and only then", () => {
    const q = '试用期最长可以多久？';
    const ask = '你的劳动合同签了几年？';
    const unknown = step.answer(input(q, 'zh-Hans', { knownFacts: () => new Set(['tenure']) }))!;
    expect(unknown.card?.id).toBe('cn-probation-length');
    expect(unknown.text).toContain(ask);
    const stated = step.answer(input(q, 'zh-Hans', { knownFacts: () => new Set(['contractTerm']) }))!;
    expect(stated.card?.id).toBe('cn-probation-length');
    expect(stated.text).not.toContain(ask);
    // Severance asks for tenure and wage: stating one of them is not enough.
    const severance = '被辞退了经济补偿怎么算';
    const half = step.answer(input(severance, 'zh-Hans', { knownFacts: () => new Set(['tenure']) }))!;
    const both = step.answer(input(severance, 'zh-Hans', { knownFacts: () => new Set(['tenure', 'wage']) }))!;
    expect(half.card?.id).toBe('cn-severance-calculation');
    expect(both.card?.id).toBe('cn-severance-calculation');
    expect(both.text.split('\n').length).toBe(half.text.split('\n').length - 1);
  });

  it('answers a message without labor vocabulary only with a card that clears the full bar, not one that leads', () => {
    const chat = '你平时喜欢吃火锅还是烧烤';
    const p44 = kb.passages.find((p) => p.id === 'cn/labor-law#44')!;
    // A weak match helped by a statute hit that happens to be the overtime article.
    const hits = [{ passage: p44, score: 1, confidence: 0.1 }];
    const leading = step.answer(input(chat, 'zh-Hans', { hits }));
    const offTopic = step.answer(input(chat, 'zh-Hans', { hits, offTopic: true }));
    expect(leading?.card?.id).toBe('cn-overtime-pay');
    expect(offTopic).toBeUndefined();
    // A clear labor question still gets its card when the scope guard found no labor word in it.
    expect(
      step.answer(input('公司一直没跟我签劳动合同，能拿双倍工资吗', 'zh-Hans', { offTopic: true }))?.card?.id,
    ).toBe('cn-no-contract-double-pay');
  });

  it("lists the statute path's other verified articles after the card's own clauses", () => {
    const p47 = kb.passages.find((p) => p.id === 'cn/labor-contract-law#47')!;
    const other = { passage: p47, label: '《劳动合同法》第四十七条', excerpt: '', bestSentence: '', score: 1 };
    const r = step.answer(input('公司一直没跟我签劳动合同，能拿双倍工资吗', 'zh-Hans', { statuteSources: [other] }))!;
    expect(r.text).toContain('其他可能相关的法条：《劳动合同法》第四十七条');
    expect(r.sources.map((s) => s.passage.id)).toEqual([
      'cn/labor-contract-law#82',
      'cn/labor-contract-law-implementing-regulations#6',
      'cn/labor-contract-law#47',
    ]);
  });

  it('writes Traditional replies with the Taiwan phrase table (簽, not 籤)', () => {
    const r = step.answer(input('公司一直沒跟我簽勞動合約，可以要雙倍薪水嗎', 'zh-Hant'))!;
    expect(r.card?.id).toMatch(/^cn-no-contract/);
    expect(r.text).toContain('簽');
    expect(r.text).not.toContain('籤');
  });

  it('understands Taiwan and Hong Kong terms', () => {
    expect(step.answer(input('資遣費要怎麼計算', 'zh-Hant'))?.card?.id).toBe('cn-severance-calculation');
    expect(step.answer(input('特休一年總共有幾天', 'zh-Hant'))?.card?.id).toBe('cn-annual-leave-days');
  });

  it('matches Vietnamese with and without diacritics', () => {
    expect(step.answer(input('Nghỉ thai sản được bao nhiêu tháng vậy', 'vi'))?.card?.id).toBe('vn-maternity-leave');
    expect(step.answer(input('nghi thai san duoc bao nhieu thang vay', 'vi'))?.card?.id).toBe('vn-maternity-leave');
  });

  it('answers a dismissed worker asking about severance with both allowances and asks for the missing facts', () => {
    const r = step.answer(input('Tôi bị công ty cho nghỉ việc, được trợ cấp bao nhiêu?', 'vi'))!;
    expect(r.card?.id).toBe('vn-severance-allowance');
    const first = r.text.split('\n')[0]!;
    expect(first).toContain('nửa tháng tiền lương');
    expect(first).toContain('01 tháng tiền lương');
    expect(r.sources.map((s) => s.passage.id)).toEqual(['vn/bo-luat-lao-dong-2019#46', 'vn/bo-luat-lao-dong-2019#47']);
    expect(r.text).toMatch(/Bạn làm ở công ty bao lâu.*tôi tính giúp/);
  });

  it('matches a Vietnamese card on its content words, not on the question frame', () => {
    const r = step.answer(input('Tiền thai sản mỗi tháng được tính như thế nào?', 'vi'));
    expect(r?.card?.id).toBe('vn-maternity-benefit-amount');
  });

  it('answers a Chinese question about Vietnamese law from a Vietnamese card in Chinese', () => {
    const r = step.answer(input('在越南上班，产假有几个月', 'zh-Hans', { jurisdiction: 'VN' }))!;
    expect(r.card?.id).toBe('vn-maternity-leave');
    expect(r.text.split('\n')[0]).toContain('06个月');
    expect(r.text).toContain('Điều 139');
  });

  it('leaves a question that names an article, or an LLM deployment, to the statute path', () => {
    expect(step.answer(input('Điều 35 Bộ luật Lao động quy định gì về nghỉ việc', 'vi'))).toBeUndefined();
    expect(
      step.answer(input('公司一直没跟我签劳动合同，能拿双倍工资吗', 'zh-Hans', { cardsAllowed: false })),
    ).toBeUndefined();
    expect(
      step.answer(input('我在韩国打工，韩国的加班费怎么算', 'zh-Hans', { cardsAllowed: false }))?.reasons,
    ).toContain('other_jurisdiction');
  });

  it('does not answer from a card when nothing matches well', () => {
    expect(step.answer(input('今天食堂的饭菜好吃吗', 'zh-Hans'))).toBeUndefined();
  });

  it("states its scope instead of answering another country's law, in English too for English text", () => {
    const zh = step.answer(input('我在韩国打工，韩国的加班费怎么算', 'zh-Hans'))!;
    expect(zh.mode).toBe('refusal');
    expect(zh.reasons).toContain('other_jurisdiction');
    expect(zh.text).toContain('中华人民共和国');
    expect(zh.sources).toHaveLength(0);
    const vi = step.answer(input('Tôi làm ở Hàn Quốc, luật Hàn Quốc trả lương làm thêm thế nào', 'vi'))!;
    expect(vi.reasons).toContain('other_jurisdiction');
    const en = step.answer(input('What does the law in Japan say about overtime pay for my work', 'zh-Hans'))!;
    expect(en.text).toContain('labor law of mainland China (PRC) and Vietnam');
  });

  it('keeps a Chinese question about working in mainland China on the card path', () => {
    expect(step.answer(input('我从越南来中国打工，加班费怎么算', 'zh-Hans'))?.reasons ?? []).not.toContain(
      'other_jurisdiction',
    );
  });

  it('gives the full text of the article cited in the previous reply on request', () => {
    const history = [
      { role: 'worker' as const, text: '没签合同能要二倍工资吗' },
      { role: 'bot' as const, text: '……\n相关法条：\n《劳动合同法》第八十二条：“用人单位……”' },
    ];
    const r = step.answer(input('全文', 'zh-Hans', { history }))!;
    expect(r.reasons).toContain('full_text');
    expect(r.text).toContain('用人单位违反本法规定不与劳动者订立无固定期限劳动合同的');
    const vi = step.answer(input('chi tiết điều 139 bộ luật lao động', 'vi'))!;
    expect(vi.text).toContain('06 tháng');
  });
});

describe('looksEnglish', () => {
  it('tells English from Vietnamese typed without diacritics', async () => {
    const { looksEnglish } = await import('../../src/cards/scope-notice.js');
    expect(looksEnglish('What does the law say about my overtime pay?')).toBe(true);
    expect(looksEnglish('toi lam o my do cong ty can nguoi the nao')).toBe(false);
    expect(looksEnglish('hom nay sai gon co mua khong')).toBe(false);
  });
});
