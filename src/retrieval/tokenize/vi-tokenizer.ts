import { foldVietnamese, normalizeVietnamese } from '../../language/vietnamese.js';
import type { TokenizerDictionaries } from '../../knowledge/load-dict.js';
import type { Tokenizer } from './tokenizer.js';

const SPLIT = /[^\p{L}\p{N}%]+/u;

/**
 * Vietnamese tokenizer: syllables and syllable bigrams ("lao_dong"), each in
 * its accented form and in a diacritic-free form, so a question typed without
 * diacritics ("cong ty no luong") still meets "công ty nợ lương". Queries with
 * diacritics use both forms; queries without use the folded form only.
 */
export function createViTokenizer(words: Pick<TokenizerDictionaries, 'viStopwords'>): Tokenizer {
  const stopwords = new Set(words.viStopwords.map((s) => normalizeVietnamese(s).replace(/\s+/g, '_')));

  function syllables(text: string): string[] {
    return normalizeVietnamese(text)
      .split(SPLIT)
      .filter((s) => s.length > 0);
  }

  function terms(sylls: readonly string[], prefix: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < sylls.length; i += 1) {
      const s = sylls[i]!;
      if (!stopwords.has(s)) out.push(`${prefix}${s}`);
      const next = sylls[i + 1];
      if (next !== undefined) {
        const bigram = `${s}_${next}`;
        if (!stopwords.has(bigram)) out.push(`${prefix}${bigram}`);
      }
    }
    return out;
  }

  function tokenizeDocument(text: string): string[] {
    const sylls = syllables(text);
    return [...terms(sylls, ''), ...terms(sylls.map(foldVietnamese), '~')];
  }

  function tokenizeQuery(text: string): string[] {
    const sylls = syllables(text);
    const folded = terms(sylls.map(foldVietnamese), '~');
    // A question without any diacritics can only be matched in folded form.
    const accented = sylls.some((s) => s !== foldVietnamese(s)) ? terms(sylls, '') : [];
    return [...accented, ...folded];
  }

  return { name: 'vi-syllable-bigram-folded-v1', tokenizeDocument, tokenizeQuery };
}
