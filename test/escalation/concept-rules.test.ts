import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import { loadTriageRules } from '../../src/escalation/load-triage-rules.js';
import { triageMessage } from '../../src/escalation/triage-message.js';
import { conceptForms, hasDangerCue } from '../../src/escalation/concept-rules.js';

// Lexicon layers only: the classifier must not be what makes these pass.
const rules = loadTriageRules('knowledge/triage', { classifier: false });
const triage = (text: string, lang: Lang) => triageMessage(rules, text, lang);

describe('concept lexicons (layer 1)', () => {
  it.each([
    ['sexual_harassment', 'zh-Hans', '组长总借机摸我的腰，还说不陪他喝酒就扣我绩效'],
    ['violence', 'zh-Hans', '被车间主任当众踹了一脚'],
    ['pregnancy_dismissal', 'zh-Hans', '刚查出怀孕，HR就叫我签自愿离职'],
    ['violence', 'vi', 'quan doc tat em'],
    ['self_harm', 'zh-Hans', '活着没意思了'],
    ['self_harm', 'vi', 'em chan song lam roi'],
  ])('catches the kinds of misses named in issue 9: %s %s %s', (category, lang, text) => {
    const t = triage(text, lang as Lang);
    expect(t.level).toBe('urgent');
    expect(t.reasons[0]).toBe(category);
    expect(t.signals?.length).toBeGreaterThan(0);
  });

  it('combines concepts: pregnancy near a termination word, not either alone', () => {
    expect(triage('我怀孕四个月，主管说不续合同了', 'zh-Hans').reasons).toContain('pregnancy_dismissal');
    expect(triage('我怀孕四个月了，产检假怎么请', 'zh-Hans').level).toBe('none');
    expect(triage('公司说合同到期不续了，有补偿吗', 'zh-Hans').level).toBe('none');
  });

  it('folds Traditional Chinese', () => {
    expect(triage('剛驗出懷孕，人事就叫我簽自願離職', 'zh-Hant').reasons).toContain('pregnancy_dismissal');
    expect(triage('組長趁沒人摸我大腿', 'zh-Hant').reasons).toContain('sexual_harassment');
  });

  it('matches Vietnamese with and without diacritics, and keeps tát apart from tất', () => {
    expect(triage('Quản đốc tát em trước mặt mọi người', 'vi').reasons).toContain('violence');
    expect(triage('quan doc tat em truoc mat moi nguoi', 'vi').reasons).toContain('violence');
    expect(triage('Tất cả công nhân được nghỉ tết mấy ngày?', 'vi').level).toBe('none');
    expect(conceptForms('Tất cả', 'vi').folded).toBe(false);
    expect(conceptForms('tat ca', 'vi').folded).toBe(true);
  });

  it('needs many workers for mass_arrears: one worker owed two months is answered', () => {
    expect(triage('公司欠了我两个月工资，怎么办', 'zh-Hans').level).toBe('none');
    expect(triage('老板跑路了，还欠我俩月工资', 'zh-Hans').level).toBe('none');
    expect(triage('cong ty no em 2 thang luong', 'vi').level).toBe('none');
    expect(triage('我们车间六十多个工人两个月没拿到工资', 'zh-Hans').reasons).toContain('mass_arrears');
    expect(triage('ca xuong hon tram cong nhan bi no luong ba thang', 'vi').reasons).toContain('mass_arrears');
  });

  it('answers general questions about injury, harassment and maternity law', () => {
    for (const [lang, text] of [
      ['zh-Hans', '什么行为算职场性骚扰'],
      ['zh-Hans', '因工死亡的丧葬补助金是多少'],
      ['zh-Hans', '招用童工会受到什么处罚'],
      ['vi', 'Người sử dụng lao động phải làm gì để phòng chống quấy rối tình dục?'],
      ['vi', 'cho em hỏi người bị tai nạn lao động được hưởng những quyền lợi gì?'],
      ['zh-Hans', '忙死了，年假到底能不能休'],
      ['vi', 'nong muon chet, co phu cap nang nong khong'],
    ] as const) {
      expect(triage(text, lang), text).toEqual({ level: 'none', reasons: [] });
    }
  });

  it('treats hand-off requests as their own rules, without an urgent category', () => {
    for (const [lang, text] of [
      ['zh-Hans', '人工'],
      ['zh-Hans', '找真人'],
      ['zh-Hans', '有没有人'],
      ['zh-Hans', '人工客服'],
      ['vi', 'gặp người thật'],
      ['vi', 'cho em nói chuyện với cán bộ'],
    ] as const) {
      expect(triage(text, lang), text).toEqual({ level: 'person', reasons: ['asked_for_person'] });
    }
    expect(triage('人工智能会不会取代工人', 'zh-Hans').level).toBe('none');
  });

  it('finds the danger in the middle of a long story', () => {
    const story = `${'我在这个厂干了三年，平时加班也多，工资按时发。'.repeat(20)}上礼拜叉车压到我的脚，骨折了。${'主管让我回老家养着。'.repeat(10)}`;
    expect(triage(story, 'zh-Hans').reasons).toContain('injury');
  });

  it('rejects a lexicon file that names an unknown concept', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadConceptSet } = await import('../../src/escalation/concept-rules.js');
    const dir = mkdtempSync(join(tmpdir(), 'concepts-'));
    const file = join(dir, 'zh.json');
    writeFileSync(
      file,
      JSON.stringify({
        concepts: { a: ['x'] },
        rules: [{ id: 'r', category: 'injury', level: 'urgent', all: ['b'], personal: false, note: 'n' }],
      }),
    );
    expect(() => loadConceptSet(file, 'zh')).toThrow(/unknown concept b/);
  });
});

describe('danger cues (pick the classifier threshold)', () => {
  const lexicons = loadTriageRules('knowledge/triage', { classifier: false });
  it('finds a term of an urgent rule even when no rule fires', () => {
    expect(hasDangerCue(lexicons.concepts!.zh, '老板三个月没发工资')).toBe(true);
    expect(hasDangerCue(lexicons.concepts!.vi, 'em đang mang thai')).toBe(true);
  });
  it('finds none in an ordinary question', () => {
    expect(hasDangerCue(lexicons.concepts!.vi, 'dong bhxh bi tru may phan tram')).toBe(false);
    expect(hasDangerCue(lexicons.concepts!.zh, '年休假没休完公司要给钱吗')).toBe(false);
  });
});
