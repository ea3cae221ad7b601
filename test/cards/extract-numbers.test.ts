import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../src/cards/extract-numbers.js';

describe('extractNumbers', () => {
  it('reads Chinese numerals, percentages and full-width digits', () => {
    expect(
      [...extractNumbers('支付不低于工资的百分之一百五十的工资报酬，每月不得超过三十六小时')].sort((a, b) => a - b),
    ).toEqual([36, 150]);
    expect(extractNumbers('不得超过劳动者当月工资的２０％')).toEqual(new Set([20]));
    expect(extractNumbers('二倍的工资')).toEqual(new Set([2]));
  });

  it('reads Vietnamese amounts and leading zeros, and ignores a bare one', () => {
    expect(extractNumbers('Vùng I: 5.310.000 đồng/tháng, nghỉ 06 tháng')).toEqual(new Set([5310000, 6]));
    expect(extractNumbers('一次付清，一般每日')).toEqual(new Set());
  });
});
