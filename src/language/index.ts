export { detectLang, type LangDetection } from './detect-lang.js';
export { toSimplified, toTraditional } from './script.js';
export { foldVietnamese, normalizeVietnamese, hasVietnameseLetters } from './vietnamese.js';
