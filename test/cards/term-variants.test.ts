import { describe, expect, it } from 'vitest';
import { createTermRewrite } from '../../src/cards/term-variants.js';
import { loadCardReaderTables } from '../../src/knowledge/load-cards.js';

describe('term variant rewrite', () => {
  const rewrite = createTermRewrite([
    { from: '劳保', to: '社保' },
    { from: '劳保用品', to: '劳动防护用品' },
    { from: '资遣费', to: '经济补偿' },
  ]);

  it('folds Traditional first and rewrites Taiwan terms to mainland words', () => {
    expect(rewrite('資遣費怎麼算', 'zh')).toBe('经济补偿怎么算');
    expect(rewrite('公司沒幫我保勞保', 'zh')).toBe('公司没帮我保社保');
  });

  it('prefers the longest term, so protective gear is not read as labor insurance', () => {
    expect(rewrite('公司不發勞保用品', 'zh')).toBe('公司不发劳动防护用品');
  });

  it('leaves Vietnamese questions as typed', () => {
    expect(rewrite('Lương tháng này chưa trả', 'vi')).toBe('Lương tháng này chưa trả');
  });

  it('loads the reviewed table: HK wording for unpaid wages becomes mainland wording', () => {
    const fromFile = createTermRewrite(loadCardReaderTables('knowledge').termVariants);
    expect(fromFile('人工拖咗兩個月未出，點算', 'zh')).toBe('工资拖了两个月没发，怎么办');
    expect(fromFile('特休有幾天', 'zh')).toBe('年休假有几天');
    expect(fromFile('公司不给交五险，我不干了', 'zh')).toBe('单位不给交社保，我辞职');
  });
});
