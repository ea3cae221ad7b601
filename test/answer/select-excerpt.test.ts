import { describe, expect, it } from 'vitest';
import { selectExcerpt, splitSentences } from '../../src/answer/select-excerpt.js';

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
