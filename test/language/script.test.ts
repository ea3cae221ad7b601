import { describe, expect, it } from 'vitest';
import { toSimplified, toTraditional } from '../../src/language/script.js';
import { foldVietnamese, hasVietnameseLetters } from '../../src/language/vietnamese.js';

describe('script conversion', () => {
  it('folds Traditional to Simplified and back', () => {
    expect(toSimplified('農民工入會')).toBe('农民工入会');
    expect(toSimplified('勞動合同法第八十二條')).toBe('劳动合同法第八十二条');
    expect(toTraditional('劳动合同法')).toBe('勞動合同法');
  });
  it('leaves non-Chinese text alone', () => {
    expect(toSimplified('công ty 123')).toBe('công ty 123');
  });
});

describe('Vietnamese folding', () => {
  it('removes diacritics and maps đ', () => {
    expect(foldVietnamese('Công ty nợ lương Đà Nẵng')).toBe('cong ty no luong da nang');
    expect(foldVietnamese('Điều 35 Bộ luật Lao động')).toBe('dieu 35 bo luat lao dong');
  });
  it('handles decomposed input (NFD) the same as composed', () => {
    expect(foldVietnamese('lương'.normalize('NFD'))).toBe('luong');
  });
  it('recognises Vietnamese letters', () => {
    expect(hasVietnameseLetters('nợ lương')).toBe(true);
    expect(hasVietnameseLetters('no luong')).toBe(false);
  });
});
