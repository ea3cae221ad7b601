import { describe, expect, it } from 'vitest';
import { selectExcerpt, splitSentences, withoutReference } from '../../src/answer/select-excerpt.js';

const LONG_ZH =
  '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令。' +
  '用人单位应当严格执行劳动定额标准，不得强迫或者变相强迫劳动者加班。用人单位安排加班的，应当按照国家有关规定向劳动者支付加班费。';

describe('selectExcerpt', () => {
  it('quotes short articles whole', () => {
    const e = selectExcerpt('用人单位应当支付二倍的工资。', '二倍工资', 'zh', 200);
    expect(e.text).toBe('用人单位应当支付二倍的工资。');
  });

  it('picks the sentence that matches the question in a long article', () => {
    const e = selectExcerpt(LONG_ZH, '公司让我加班不给加班费', 'zh', 60);
    expect(e.bestSentence).toContain('加班费');
    expect(e.text).toContain('加班费');
    expect(e.text).toContain('……');
  });

  it('matches Traditional questions against Simplified statutes', () => {
    const e = selectExcerpt(LONG_ZH, '公司拖欠勞動報酬', 'zh', 60);
    expect(e.bestSentence).toContain('拖欠');
  });

  it('matches Vietnamese without diacritics', () => {
    const text = 'Người lao động được nghỉ hằng năm. Người sử dụng lao động phải trả lương đầy đủ, đúng hạn.';
    const e = selectExcerpt(text, 'cong ty tra luong khong dung han', 'vi', 50);
    expect(e.bestSentence).toContain('trả lương');
  });
});

describe('splitSentences', () => {
  it('splits Chinese at 。 and ；', () => {
    expect(splitSentences('甲。乙；丙', 'zh')).toEqual(['甲。', '乙；', '丙']);
  });
  it('splits Vietnamese clause lines', () => {
    expect(splitSentences('1. Một.\n2. Hai.', 'vi')).toEqual(['1. Một.', '2. Hai.']);
  });
});

describe('selectExcerpt: headings, items and definitions', () => {
  const injury =
    '职工有下列情形之一的，应当认定为工伤：\n' +
    '(一)在工作时间和工作场所内，因工作原因受到事故伤害的；\n' +
    '(二)工作时间前后在工作场所内，从事与工作有关的预备性或者收尾性工作受到事故伤害的；\n' +
    '(六)在上下班途中，受到非本人主要责任的交通事故或者城市轨道交通、客运轮渡、火车事故伤害的；\n' +
    '(七)法律、行政法规规定应当认定为工伤的其他情形。';

  it('never answers with a bare list heading: the heading comes with its best item', () => {
    const e = selectExcerpt(injury, '下班路上被车撞了算工伤吗，交通事故', 'zh', 60);
    expect(e.bestSentence.startsWith('职工有下列情形之一的，应当认定为工伤：')).toBe(true);
    expect(e.bestSentence).toContain('上下班途中');
  });

  it('keeps the heading with a quoted item and marks the cuts', () => {
    const e = selectExcerpt(injury, '上下班途中交通事故', 'zh', 60);
    expect(e.text).toContain('应当认定为工伤：');
    expect(e.text).toContain('上下班途中');
    expect(e.text).toContain('……');
  });

  it('does not lead with a definition when the rule matches', () => {
    const text =
      '经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付。\n本条所称月工资是指劳动者在劳动合同解除或者终止前十二个月的平均工资。';
    expect(selectExcerpt(text, '经济补偿的月工资按工作年限怎么算', 'zh', 500).bestSentence).toContain(
      '每满一年支付一个月工资',
    );
  });

  describe('a question that only names the article', () => {
    const ART38 =
      '用人单位有下列情形之一的，劳动者可以解除劳动合同：\n（一）未按照劳动合同约定提供劳动保护或者劳动条件的；\n' +
      '（二）未及时足额支付劳动报酬的；\n（五）因本法第二十六条第一款规定的情形致使劳动合同无效的；';

    it('answers with the heading and the first item, not an item sharing words with the law name', () => {
      const e = selectExcerpt(ART38, '劳动合同法第三十八条', 'zh', 400, '劳动合同法');
      expect(e.bestSentence).toContain('（一）');
      expect(e.bestSentence).not.toContain('（五）');
    });

    it('still picks the item the rest of the question asks about', () => {
      const e = selectExcerpt(ART38, '劳动合同法第三十八条 拖欠劳动报酬', 'zh', 400, '劳动合同法');
      expect(e.bestSentence).toContain('（二）');
    });

    it('leaves out the law name with or without its year and diacritics', () => {
      expect(withoutReference('dieu 35 bo luat lao dong', 'Bộ luật Lao động 2019', 'vi').trim()).toBe('');
      expect(withoutReference('《劳动合同法》第38条第二款', '劳动合同法', 'zh').trim()).toBe('');
    });
  });
});
