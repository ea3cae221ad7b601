import { describe, expect, it } from 'vitest';
import { hasWordContent, sanitizeInput } from '../../src/answer/sanitize-input.js';

describe('sanitizeInput', () => {
  it('removes control characters and replacement characters from binary garbage', () => {
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x07, 0x80]).toString('utf8');
    const clean = sanitizeInput(garbage);
    expect(clean).not.toMatch(/[\u0000-\u001f\ufffd]/);
  });
  it('keeps emoji pairs but drops lone surrogates', () => {
    expect(sanitizeInput('工资😀')).toBe('工资😀');
    expect(sanitizeInput('工资\uD83D')).toBe('工资');
  });
  it('normalises decomposed Vietnamese to NFC', () => {
    expect(sanitizeInput('lương'.normalize('NFD'))).toBe('lương'.normalize('NFC'));
  });
});

describe('hasWordContent', () => {
  it('is false for emoji and punctuation only', () => {
    expect(hasWordContent('😀🙏!!!')).toBe(false);
    expect(hasWordContent('   ')).toBe(false);
  });
  it('is true for any letter', () => {
    expect(hasWordContent('工')).toBe(true);
    expect(hasWordContent('a')).toBe(true);
  });
});
