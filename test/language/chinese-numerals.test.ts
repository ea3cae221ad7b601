import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../src/language/chinese-numerals.js';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['八十二', 82],
    ['一百', 100],
    ['一百零三', 103],
    ['一百一十', 110],
    ['二百二十', 220],
    ['两', 2],
    ['〇', 0],
    ['82', 82],
    ['８２', 82],
    ['一千零一', 1001],
  ])('parses %s as %i', (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });

  it('rejects non-numerals', () => {
    expect(parseChineseNumeral('条')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [82, '八十二'],
    [100, '一百'],
    [103, '一百零三'],
    [110, '一百一十'],
    [220, '二百二十'],
  ])('writes %i as %s and reads it back', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
    expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('round-trips every article number up to 300', () => {
    for (let n = 1; n <= 300; n += 1) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
});
