import { describe, expect, it } from 'vitest';
import { extractCaseFacts } from '../../src/conversation/case-facts.js';

describe('case facts (offline)', () => {
  it('finds tenure, wages, dates, what happened and what is asked in Chinese, masked', () => {
    const f = extractCaseFacts([
      '我在电子厂工作了3年，老板从2024年3月开始拖欠工资，每月4500元。我的电话13812345678',
      '现在厂子要关门了，我能拿到补偿吗？',
    ]);
    expect(f.tenure).toEqual(['工作了3年']);
    expect(f.wages.join(' ')).toContain('4500元');
    expect(f.dates).toContain('2024年3月');
    expect(f.asks).toEqual(['现在厂子要关门了，我能拿到补偿吗？']);
    expect(f.happened[0]).toContain('工作了3年');
    expect(JSON.stringify(f)).not.toContain('13812345678');
  });

  it('finds them in Vietnamese', () => {
    const f = extractCaseFacts([
      'Tôi làm việc 5 năm ở công ty, lương 7 triệu một tháng. ' +
        'Từ ngày 5 tháng 3 công ty không trả lương. Tôi phải làm gì?',
    ]);
    expect(f.tenure).toEqual(['làm việc 5 năm']);
    expect(f.wages).toContain('7 triệu');
    expect(f.dates).toContain('ngày 5 tháng 3');
    expect(f.asks).toEqual(['Tôi phải làm gì?']);
  });

  it('returns empty lists when there is nothing to find', () => {
    expect(extractCaseFacts(['转人工'])).toEqual({ tenure: [], wages: [], dates: [], asks: [], happened: ['转人工'] });
  });
});
