import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toSimplified } from '../../language/script.js';
import type { TokenizerDictionaries } from '../../knowledge/load-dict.js';
import type { Tokenizer } from './tokenizer.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Chinese tokenizer: jieba search-mode words (with the legal dictionary in
 * knowledge/dict) plus Han character bigrams, after folding Traditional to
 * Simplified. Bigrams catch terms jieba splits differently in a colloquial
 * question and in the statute text.
 */
export function createZhTokenizer(words: Pick<TokenizerDictionaries, 'zhUserDict' | 'zhStopwords'>): Tokenizer {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(words.zhUserDict, 'utf8'));
  const stopwords = new Set(words.zhStopwords);

  function tokenize(text: string): string[] {
    const simplified = toSimplified(text.toLowerCase());
    const out: string[] = [];
    for (const word of jieba.cutForSearch(simplified, true)) {
      const w = word.trim();
      if (w.length === 0 || !WORD_CHAR.test(w) || stopwords.has(w)) continue;
      out.push(w);
    }
    for (const run of simplified.match(HAN_RUN) ?? []) {
      for (let i = 0; i + 1 < run.length; i += 1) out.push(`#${run.slice(i, i + 2)}`);
    }
    return out;
  }

  return { name: 'zh-jieba-bigram-v1', tokenizeDocument: tokenize, tokenizeQuery: tokenize };
}
