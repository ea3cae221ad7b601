export { detectLang, type LangDetection } from './detect-lang.js';
export { toSimplified, toTraditional } from './script.js';
export { foldVietnamese, normalizeVietnamese, hasVietnameseLetters } from './vietnamese.js';
export { normaliseText, type NormalisedText } from './normalise-text.js';
export {
  compilePhrases,
  type DiacriticsMode,
  type PhraseMatch,
  type PhraseMatcher,
  type PhraseSpec,
} from './phrase-matcher.js';
