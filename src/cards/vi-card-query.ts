import { foldVietnamese, normalizeVietnamese } from '../language/vietnamese.js';

/** How the card matcher reads a Vietnamese question (see the two loaders below). */
export interface ViCardQuery {
  /** The question with chat abbreviations spelled out ("cty ko dong bhxh" -> "cong ty khong dong bao hiem xa hoi"). */
  readonly spellOut: (text: string) => string;
  /** A question-frame term to leave out of matching ("thế_nào", "~duoc_khong"). */
  readonly frameTerm: (term: string) => boolean;
}

/** Letters outside plain ASCII that Vietnamese writes: a question with none was typed without diacritics. */
const MARKED = /[^\p{ASCII}]/u;

/**
 * Spells out the chat abbreviations of `knowledge/cards/vi-chat-abbreviations.json`,
 * whole words only. A question typed without diacritics gets the folded
 * spelling, so it stays a folded-only question for the matcher.
 */
export function createViAbbreviations(table: readonly { from: string; to: string }[]): (text: string) => string {
  const spelled = new Map(table.map((r) => [normalizeVietnamese(r.from), r.to]));
  return (text) => {
    const marked = MARKED.test(text);
    return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
      const to = spelled.get(normalizeVietnamese(word));
      return to === undefined ? word : marked ? to : foldVietnamese(to);
    });
  };
}

/**
 * Vietnamese question-frame terms: a syllable bigram both syllables of which
 * are stopwords ("thế_nào", "có_được", "~duoc_khong"), or a two-syllable
 * stopword in folded form ("~lam_sao"). The tokenizer drops accented
 * stopwords but keeps the bigrams they form and the folded forms, so "… tính
 * như thế nào" matched any card phrasing asked the same way, whatever its
 * topic. Cards are then matched on their content words.
 */
export function createViFrameTerms(stopwords: readonly string[]): (term: string) => boolean {
  const words = stopwords.map((s) => normalizeVietnamese(s).replace(/\s+/g, '_')).filter(Boolean);
  const single = new Set(words.filter((w) => !w.includes('_')));
  const singleFolded = new Set([...single].map(foldVietnamese));
  const phraseFolded = new Set(words.filter((w) => w.includes('_')).map(foldVietnamese));
  return (term) => {
    const isFolded = term.startsWith('~');
    const body = isFolded ? term.slice(1) : term;
    const syllables = body.split('_');
    if (syllables.length < 2) return false;
    if (isFolded && phraseFolded.has(body)) return true;
    return syllables.every((s) => (isFolded ? singleFolded : single).has(s));
  };
}

/** `abbreviations` and the tokenizer's Vietnamese stop words (`knowledge/dict`), both from the loaded knowledge. */
export function createViCardQuery(
  abbreviations: readonly { from: string; to: string }[],
  stopwords: readonly string[],
): ViCardQuery {
  return { spellOut: createViAbbreviations(abbreviations), frameTerm: createViFrameTerms(stopwords) };
}
