import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../src/drafting/quantities.js';

describe('extractQuantities', () => {
  it('normalises Chinese numerals and digits to the same quantity', () => {
    expect(extractQuantities('三十日内')).toEqual(new Set(['30:day']));
    expect(extractQuantities('30天内')).toEqual(new Set(['30:day']));
    expect(extractQuantities('九十八天产假')).toEqual(extractQuantities('98天产假'));
  });
  it('reads multiples and percentages', () => {
    expect(extractQuantities('二倍的工资').has('2:times')).toBe(true);
    expect(extractQuantities('双倍工资').has('2:times')).toBe(true);
    expect(extractQuantities('百分之一百五十').has('150:percent')).toBe(true);
    expect(extractQuantities('ít nhất bằng 150%').has('150:percent')).toBe(true);
  });
  it('reads Vietnamese quantities', () => {
    expect(extractQuantities('Ít nhất 45 ngày').has('45:day')).toBe(true);
    expect(extractQuantities('06 tháng').has('6:month')).toBe(true);
  });
  it('ignores numbers without a legal unit (article numbers, hotlines)', () => {
    expect(extractQuantities('第82条，拨打12351')).toEqual(new Set());
  });
});
