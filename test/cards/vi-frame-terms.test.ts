import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadViFrameTerms } from '../../src/cards/vi-frame-terms.js';

const isFrame = loadViFrameTerms(join(import.meta.dirname, '../../knowledge'));

describe('Vietnamese question-frame terms', () => {
  it('marks bigrams made only of stopwords, accented and folded', () => {
    expect(isFrame('thế_nào')).toBe(true);
    expect(isFrame('có_được')).toBe(true);
    expect(isFrame('~duoc_khong')).toBe(true);
    expect(isFrame('~lam_sao')).toBe(true);
  });

  it('keeps content words, single syllables and bigrams with one content syllable', () => {
    expect(isFrame('thai_sản')).toBe(false);
    expect(isFrame('~tro_cap')).toBe(false);
    expect(isFrame('cho_nghỉ')).toBe(false);
    expect(isFrame('không')).toBe(false);
    // "làm sao" is a stopword phrase, but "làm" alone is not a stopword ("làm thêm").
    expect(isFrame('làm_thêm')).toBe(false);
  });
});
