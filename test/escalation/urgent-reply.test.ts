import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine, loadReplyBook, loadScopeRules } from '../../src/answer/index.js';
import { loadHotlines } from '../../src/answer/load-hotlines.js';
import { createArticleLookup } from '../../src/citations/verify-citations.js';
import type { CardStep } from '../../src/cards/card-step.js';
import { citationLabel } from '../../src/citations/citation-label.js';
import type { AnswerEngine, KnowledgeBase, Retriever } from '../../src/core/types.js';
import { loadTriageRules } from '../../src/escalation/load-triage-rules.js';
import { loadUrgentReplies } from '../../src/escalation/load-urgent-replies.js';
import { triageMessage } from '../../src/escalation/triage-message.js';
import { planUrgentReply } from '../../src/escalation/urgent-reply.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { DEFAULT_ANSWER_POLICY } from '../../src/answer/answer-policy.js';

const book = loadUrgentReplies('knowledge');
const rules = loadTriageRules('knowledge/triage');
let kb: KnowledgeBase;
let engine: AnswerEngine;
/** Returns an unrelated article for every question: urgent replies must not quote it. */
let unrelated: Retriever;

beforeAll(async () => {
  kb = await loadKnowledge('knowledge');
  const construction = kb.passages.find(
    (p) => p.docId === 'cn/migrant-worker-wage-payment-regulations' && p.article === 30,
  )!;
  const vnOther = kb.passages.find((p) => p.docId === 'vn/bo-luat-lao-dong-2019' && p.article === 113)!;
  unrelated = {
    name: 'unrelated',
    async retrieve({ jurisdiction }) {
      return [{ passage: jurisdiction === 'CN' ? construction : vnOther, score: 9, confidence: 0.9 }];
    },
  };
  engine = createAnswerEngine({
    kb,
    retriever: unrelated,
    triage: (text, lang, recent) => triageMessage(rules, text, lang, recent),
    scope: loadScopeRules('knowledge'),
    replies: loadReplyBook('knowledge'),
    hotlines: loadHotlines('knowledge'),
    policy: { ...DEFAULT_ANSWER_POLICY, minAnswerConfidence: 0.2 },
    urgentReplies: book,
  });
});

const bigrams = (s: string) => {
  const t = s.replace(/[\s，。、；：,.;:“”"（）()]/g, '');
  return new Set([...t].slice(1).map((c, i) => t[i] + c));
};

describe('urgent first replies', () => {
  it('cites only articles that exist, are in force and say what the focus says', () => {
    const lookup = createArticleLookup(kb.passages);
    for (const texts of [book.zh, book.vi]) {
      for (const [category, entry] of Object.entries(texts.categories)) {
        for (const c of entry.cite) {
          const p = lookup.get(c.doc, c.article);
          expect(p, `${category}: ${c.doc}#${c.article}`).toBeDefined();
          expect(p!.inForce).toBe(true);
          const focus = bigrams(c.focus);
          const text = bigrams(p!.text);
          const shared = [...focus].filter((g) => text.has(g)).length / focus.size;
          expect(shared, `${category}: ${c.doc}#${c.article} focus "${c.focus}"`).toBeGreaterThan(0.8);
        }
      }
    }
  });

  it('gives crisis care for self-harm: calm words first, the crisis line, a person will call, no statute', async () => {
    const a = await engine.ask({ text: '活着没意思了' });
    expect(a.escalate).toBe('urgent');
    expect(a.reasons[0]).toBe('self_harm');
    expect(a.answer.split('\n')[0]).toMatch(/听到|不是一个人/);
    expect(a.answer).toContain('12356');
    expect(a.answer.indexOf('12356')).toBeGreaterThan(a.answer.indexOf('安全'));
    expect(a.answer).toMatch(/工会工作人员.*联系/);
    expect(a.citations).toEqual([]);
    expect(a.answer).not.toMatch(/第[一二三四五六七八九十百]+条|《/);
  });

  it('gives Vietnamese crisis care without statutes and without an unsourced number', async () => {
    const a = await engine.ask({ text: 'em chan song lam roi' });
    expect(a.language).toBe('vi');
    expect(a.reasons[0]).toBe('self_harm');
    expect(a.citations).toEqual([]);
    expect(a.answer).toContain('115');
    expect(a.answer).not.toMatch(/Điều \d+/);
  });

  it('answers a hand-off request with the hand-off reply and no unrelated article', async () => {
    for (const text of ['转人工', '轉人工', 'cho em gặp người thật']) {
      const a = await engine.ask({ text });
      expect(a.escalate).toBe('person');
      expect(a.reasons).toEqual(['asked_for_person']);
      expect(a.citations).toEqual([]);
      expect(a.answer).not.toMatch(/农民工|Điều 113/);
    }
  });

  it.each([
    ['violence', '被车间主任当众踹了一脚', '《劳动合同法》第三十八条', '110'],
    ['death', '工友在工地被砸死了，老板让家属马上签私了协议', '《工伤保险条例》第三十九条', '12351'],
    [
      'sexual_harassment',
      '组长总借机摸我的腰，还说不陪他喝酒就扣我绩效',
      '《女职工劳动保护特别规定》第十一条',
      '12351',
    ],
    ['pregnancy_dismissal', '刚查出怀孕，HR就叫我签自愿离职', '《女职工劳动保护特别规定》第五条', '12351'],
    ['child_labor', '厂里招了几个十四岁的孩子上夜班', '《劳动法》第十五条', '12351'],
    ['mass_arrears', '我们工地八十多个工人半年没拿到工钱，大家说明天去堵路', '《劳动争议调解仲裁法》第九条', '12351'],
    ['injury', '我在工地从架子上摔下来了，腿骨折了', '《工伤保险条例》第三十条', '120'],
  ])('gives the %s reply with its own verified articles', async (category, text, label, number) => {
    const a = await engine.ask({ text });
    expect(a.escalate).toBe('urgent');
    expect(a.reasons[0]).toBe(category);
    expect(a.citations.map((c) => c.label)).toContain(label);
    expect(a.citations.every((c) => !c.passageId.startsWith('cn/migrant-worker-wage-payment-regulations#30'))).toBe(
      true,
    );
    expect(a.answer).toContain(number);
    expect(a.signals?.length).toBeGreaterThan(0);
  });

  it('converts the reply to Traditional for a Traditional message', async () => {
    const a = await engine.ask({ text: '主管拿椅子砸我，還踹了我一腳' });
    expect(a.language).toBe('zh-Hant');
    expect(a.answer).toContain('勞動合同法');
  });

  it('gives the Vietnamese child-protection line only for child cases', async () => {
    const child = await engine.ask({ text: 'Xưởng thuê mấy đứa 13 tuổi làm ca đêm' });
    expect(child.reasons[0]).toBe('child_labor');
    expect(child.answer).toContain('111');
    const viol = await engine.ask({ text: 'Tổ trưởng tát em giữa xưởng' });
    expect(viol.answer).not.toContain('111');
    expect(viol.answer).toContain('113');
  });

  it('plans nothing for an ordinary question or a case lookup', () => {
    const lookup = () => undefined;
    expect(planUrgentReply(book, { level: 'none', reasons: [] }, 'zh-Hans', 'CN', lookup)).toBeNull();
    expect(planUrgentReply(book, { level: 'person', reasons: ['case_lookup'] }, 'zh-Hans', 'CN', lookup)).toBeNull();
  });

  it('leaves out a line whose number is not configured', () => {
    const noCrisis = { ...book, contacts: { ...book.contacts, CN: { police: '110', ambulance: '120' } } };
    const plan = planUrgentReply(
      noCrisis,
      { level: 'urgent', reasons: ['self_harm'] },
      'zh-Hans',
      'CN',
      () => undefined,
    )!;
    const text = plan.compose([]);
    expect(text).not.toContain('{crisis_line}');
    expect(text).not.toContain('心理援助热线');
    expect(text).toContain('120');
  });

  describe('with a confident card for the question', () => {
    const PLAIN = '应当参加工伤保险而没参加的单位，由用人单位支付工伤待遇。';
    let carded: AnswerEngine;
    const seenTopics: (readonly string[])[] = [];
    beforeAll(() => {
      const p62 = kb.passages.find((p) => p.docId === 'cn/work-injury-insurance-regulations' && p.article === 62)!;
      const quote = p62.text.slice(
        p62.text.indexOf('依照本条例规定应当参加'),
        p62.text.indexOf('依照本条例规定应当参加') + 20,
      );
      const cards: CardStep = {
        answer: () => undefined,
        englishScope: () => undefined,
        plainAnswer: (_input, allowed) => {
          seenTopics.push(allowed.topics);
          return allowed.topics.includes('work_injury') ? uninsured() : undefined;
        },
      };
      const uninsured = () => ({
        text: PLAIN,
        sources: [{ passage: p62, label: citationLabel(p62), excerpt: quote, bestSentence: quote, score: 0.8 }],
        card: { id: 'cn-injury-uninsured-employer', confidence: 0.8 },
      });
      carded = createAnswerEngine({
        kb,
        retriever: unrelated,
        triage: (text, lang, recent) => triageMessage(rules, text, lang, recent),
        scope: loadScopeRules('knowledge'),
        replies: loadReplyBook('knowledge'),
        hotlines: loadHotlines('knowledge'),
        policy: { ...DEFAULT_ANSWER_POLICY, minAnswerConfidence: 0.2 },
        urgentReplies: book,
        cards,
      });
    });

    it('keeps the safety lines first and adds the plain answer with its clause to a category reply', async () => {
      const a = await carded.ask({ text: '我在工地从架子上摔下来了，腿骨折了，公司没买工伤保险谁出钱' });
      expect(a.escalate).toBe('urgent');
      expect(a.reasons[0]).toBe('injury');
      expect(a.answer.indexOf('120')).toBeLessThan(a.answer.indexOf(PLAIN));
      expect(a.answer.indexOf(PLAIN)).toBeGreaterThan(0);
      expect(a.citations.map((c) => c.label)).toContain('《工伤保险条例》第六十二条');
      expect(a.citations.map((c) => c.label)).toContain('《工伤保险条例》第三十条');
      expect(a.card?.id).toBe('cn-injury-uninsured-employer');
    });

    it("asks for a card answer only on the category's card topics (knowledge/triage/responses)", async () => {
      seenTopics.length = 0;
      await carded.ask({ text: '我在工地从架子上摔下来了，腿骨折了，公司没买工伤保险谁出钱' });
      expect(seenTopics).toEqual([['work_injury', 'occupational_disease']]);
      seenTopics.length = 0;
      // Violence lists no card topic: no card speaks in its reply.
      const a = await carded.ask({ text: '老板今天动手打我，把我打伤了' });
      expect(a.escalate).toBe('urgent');
      expect(seenTopics).toEqual([]);
      expect(a.answer).not.toContain(PLAIN);
    });

    it('never adds a card answer or a statute to crisis care or the hand-off reply', async () => {
      for (const text of ['活着没意思了', '转人工']) {
        const a = await carded.ask({ text });
        expect(a.answer).not.toContain(PLAIN);
        expect(a.citations).toEqual([]);
        expect(a.card).toBeUndefined();
      }
    });
  });
});
