import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText, toHalfWidth } from '../../src/language/normalise-text.js';

const UNITS = [...'ab emđẹpnhiệmCÔNGtyNỢ老闆欠薪工资，。!?.,- \n%0９Ａ　'];

describe('normaliseText', () => {
  it('folds width, case, NFC and Traditional script', () => {
    expect(toHalfWidth('ＯＫ　１２３！')).toBe('OK 123!');
    expect(normaliseText('Công Ty NỢ Lương').text).toBe('công ty nợ lương');
    expect(normaliseText('Co\u0302ng ty').text).toBe('công ty');
    expect(normaliseText('老闆欠薪').text).toBe('老板欠薪');
  });

  it('builds a padded, punctuation-free word view and its folded twin', () => {
    const t = normaliseText('  Cho em, hỏi:  đánh!! ');
    expect(t.words).toBe(' cho em hỏi đánh ');
    expect(t.folded).toBe(' cho em hoi danh ');
    expect(t.marked).toBe(true);
    expect(normaliseText('cho em hoi').marked).toBe(false);
  });

  it('property: the word view keeps every letter, at offsets that map back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 40 }), (raw) => {
        const t = normaliseText(raw);
        expect(t.words).toBe(` ${t.text.replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `);
        expect(t.folded.length).toBe(t.words.length);
        for (let i = 0; i < t.words.length; i += 1) {
          if (t.words[i] === ' ') continue;
          expect(t.text[t.wordToText[i]!]).toBe(t.words[i]);
          expect(t.textToWord[t.wordToText[i]!]).toBe(i);
        }
      }),
    );
  });
});
