import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/language/normalise-text.js';
import { compilePhrases, type DiacriticsMode } from '../../src/language/phrase-matcher.js';
import { toSimplified, toTraditional } from '../../src/language/script.js';
import { foldVietnamese } from '../../src/language/vietnamese.js';

const found = (phrases: readonly string[], text: string, diacritics: DiacriticsMode = 'fold') =>
  compilePhrases(phrases, { diacritics })
    .find(text)
    .map((m) => m.phrase);

/** Vietnamese syllables, many of them with diacritics, and several that fold to the same letters. */
const VI_SYLLABLES = [
  'em',
  'anh',
  'chị',
  'tôi',
  'công',
  'ty',
  'nợ',
  'lương',
  'tát',
  'tất',
  'cả',
  'đánh',
  'danh',
  'nhiệm',
  'trách',
  'bảo',
  'hiểm',
  'xã',
  'hội',
  'chồng',
  'chống',
  'hỏi',
  'cho',
  'nghỉ',
  'lễ',
  'tết',
  'làm',
  'thêm',
  'giờ',
  'đuổi',
  'việc',
  'hợp',
  'đồng',
  'lao',
  'động',
  'them',
  'nhiem',
  'chủ',
  'chuyện',
  'nội',
  'hà',
  'điều',
  'luật',
  'tiền',
];
const SEPARATORS = [' ', ', ', '. ', ' - ', '? ', '!  ', '\n'];

const viPhrase = fc.array(fc.constantFrom(...VI_SYLLABLES), { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const viText = fc
  .array(fc.tuple(fc.constantFrom(...VI_SYLLABLES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([s, sep]) => s + sep).join(''));

/** Chinese phrases whose Traditional form folds back to the same Simplified text. */
const ZH_PHRASES = [
  '工伤',
  '老板',
  '拖欠工资',
  '劳动合同',
  '辞退',
  '怀孕',
  '加班费',
  '社会保险',
  '工会',
  '赔偿',
].filter((p) => toSimplified(toTraditional(p)) === p);
const ZH_FILLER = ['我', '的', '，', '。', '公司', '了', '吗', '？', ' '];

describe('phrase matcher: Vietnamese', () => {
  it('matches whole syllables only: "em" is not found inside "nhiệm" or "them"', () => {
    expect(found(['em'], 'trách nhiệm của công ty')).toEqual([]);
    expect(found(['em'], 'lam them gio')).toEqual([]);
    expect(found(['em'], 'Em bị nợ lương')).toEqual(['em']);
    expect(found(['em'], 'cho em, hỏi')).toEqual(['em']);
  });

  it('matches a phrase with diacritics in text without them, and a bare phrase in text with them (fold)', () => {
    expect(found(['nợ lương'], 'cong ty no luong 2 thang')).toEqual(['nợ lương']);
    expect(found(['no luong'], 'Công ty NỢ LƯƠNG hai tháng')).toEqual(['no luong']);
    expect(found(['đánh'], 'bi danh')).toEqual(['đánh']);
    expect(found(['danh'], 'bị đánh')).toEqual(['danh']);
  });

  it('treats punctuation as a word break, in the phrase and in the text', () => {
    expect(found(['cho em hỏi'], 'Cho em,   hỏi chút')).toEqual(['cho em hỏi']);
    expect(found(['nghỉ lễ, tết'], 'nghi le tet duoc may ngay')).toEqual(['nghỉ lễ, tết']);
  });

  it('as-typed: a text typed with diacritics keeps tát apart from tất; bare words still match', () => {
    expect(found(['tát'], 'Tất cả công nhân', 'as-typed')).toEqual([]);
    expect(found(['tát'], 'Quản đốc tát em', 'as-typed')).toEqual(['tát']);
    expect(found(['tát'], 'quan doc tat em', 'as-typed')).toEqual(['tát']);
    expect(found(['tát'], 'Quản đốc tat em', 'as-typed')).toEqual(['tát']);
  });

  it('as-written phrases match only a text typed with diacritics, exactly as written', () => {
    const m = compilePhrases([{ phrase: 'tát', asWritten: true }], { diacritics: 'as-typed' });
    expect(m.test('Sếp tát em')).toBe(true);
    expect(m.test('Sếp tất em')).toBe(false);
    expect(m.test('sep tat em')).toBe(false);
  });

  it('reports where each phrase matched, in the normalised text and in the word view', () => {
    const text = normaliseText('Xin chào!! Công ty nợ lương.');
    const [m] = compilePhrases(['nợ lương']).find(text);
    expect(m).toBeDefined();
    expect(text.text.slice(m!.start, m!.end)).toBe('nợ lương');
    expect(m!.found).toBe('no luong');
    expect(text.words.slice(m!.wordStart, m!.wordStart + m!.found.length)).toBe('nợ lương');
    expect(text.folded.slice(m!.wordStart, m!.wordStart + m!.found.length)).toBe('no luong');
  });

  it('property: a text without its diacritics matches the same phrases as the text (fold)', () => {
    fc.assert(
      fc.property(fc.array(viPhrase, { minLength: 1, maxLength: 6 }), viText, (phrases, text) => {
        const m = compilePhrases(phrases, { diacritics: 'fold' });
        const ids = (t: string) => m.find(t).map((x) => `${x.index}@${x.wordStart}`);
        expect(ids(foldVietnamese(text))).toEqual(ids(text));
      }),
    );
  });

  it('property: as-typed, stripping the diacritics never loses a match', () => {
    fc.assert(
      fc.property(fc.array(viPhrase, { minLength: 1, maxLength: 6 }), viText, (phrases, text) => {
        const m = compilePhrases(phrases, { diacritics: 'as-typed' });
        const bare = new Set(m.find(foldVietnamese(text)).map((x) => x.index));
        for (const x of m.find(text)) expect(bare.has(x.index)).toBe(true);
      }),
    );
  });

  it('property: no match inside a longer Vietnamese word', () => {
    const unit = fc.constantFrom(...'abcdeghiklmnoprstuvxyàáâăđêôơư');
    const letters = fc.string({ unit, minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.constantFrom(...VI_SYLLABLES),
        letters,
        letters,
        fc.constantFrom('prefix', 'suffix', 'both'),
        (syllable, before, after, where) => {
          const word = `${where === 'suffix' ? '' : before}${syllable}${where === 'prefix' ? '' : after}`;
          for (const mode of ['fold', 'as-typed'] as const) {
            expect(compilePhrases([syllable], { diacritics: mode }).test(`(${word}), ${word}!`)).toBe(false);
          }
        },
      ),
    );
  });

  it('property: test() agrees with find()', () => {
    fc.assert(
      fc.property(fc.array(viPhrase, { minLength: 1, maxLength: 6 }), viText, (phrases, text) => {
        const m = compilePhrases(phrases, { diacritics: 'as-typed' });
        expect(m.test(text)).toBe(m.find(text).length > 0);
      }),
    );
  });
});

describe('phrase matcher: Chinese', () => {
  it('matches substrings of the Simplified, lower-case, half-width text', () => {
    expect(found(['工伤'], '我这算工伤吗')).toEqual(['工伤']);
    expect(found(['老板'], '老闆不發工資')).toEqual(['老板']);
    expect(found(['老闆'], '老板不发工资')).toEqual(['老闆']);
    expect(found(['n+1'], '赔偿Ｎ＋１怎么算')).toEqual(['n+1']);
  });

  it('finds a Latin word next to Chinese characters, but not inside a longer Latin word', () => {
    expect(found(['icu'], '他还在ICU抢救')).toEqual(['icu']);
    expect(found(['icu'], 'picu')).toEqual([]);
  });

  it('reports offsets in the normalised text', () => {
    const text = normaliseText('他說：老闆欠薪');
    const [m] = compilePhrases(['欠薪']).find(text);
    expect(text.text.slice(m!.start, m!.end)).toBe('欠薪');
    expect(m!.start).toBe(5);
  });

  it('property: Traditional text matches the same Simplified phrases as the Simplified text', () => {
    const zhText = fc
      .array(fc.constantFrom(...ZH_PHRASES, ...ZH_FILLER), { minLength: 1, maxLength: 10 })
      .map((parts) => parts.join(''));
    const m = compilePhrases(ZH_PHRASES);
    fc.assert(
      fc.property(zhText, (text) => {
        const ids = (t: string) => m.find(t).map((x) => `${x.index}@${x.start}`);
        expect(ids(toTraditional(text))).toEqual(ids(text));
      }),
    );
  });
});

describe('phrase matcher: compiling', () => {
  it('rejects a phrase with nothing to match', () => {
    expect(() => compilePhrases(['...'])).toThrow(/without letters or digits/);
  });
});
