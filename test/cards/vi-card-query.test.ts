import { loadDictionaries } from '../../src/knowledge/load-dict.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createViAbbreviations, createViFrameTerms } from '../../src/cards/vi-card-query.js';
import { loadCardReaderTables } from '../../src/knowledge/load-cards.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
const isFrame = createViFrameTerms(loadDictionaries(KNOWLEDGE).viStopwords);
const spellOut = createViAbbreviations(loadCardReaderTables(KNOWLEDGE).viAbbreviations);

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

describe('Vietnamese chat abbreviations', () => {
  it('spells them out, folded when the question has no diacritics', () => {
    const spelled = 'e lam duoc 6 thang ma cong ty khong dong bao hiem xa hoi';
    expect(spellOut('e lam dc 6 thang ma cty ko dong bhxh')).toBe(spelled);
    expect(spellOut('Cty không đóng BHXH cho em')).toBe('công ty không đóng bảo hiểm xã hội cho em');
  });

  it('replaces whole words only', () => {
    expect(spellOut('khong ky hop dong')).toBe('khong ky hop dong');
    expect(spellOut('kho khan')).toBe('kho khan');
  });
});
