import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldVietnamese, normalizeVietnamese } from '../language/vietnamese.js';

/**
 * Vietnamese question-frame terms for the card matcher: a syllable bigram
 * both syllables of which are stopwords ("thế_nào", "có_được", "~duoc_khong"),
 * or a two-syllable stopword in folded form ("~lam_sao"). The tokenizer drops
 * accented stopwords but keeps the bigrams they form and the folded forms, so
 * "… tính như thế nào" matched any card phrasing asked the same way, whatever
 * its topic. Cards are then matched on their content words.
 */
export function loadViFrameTerms(knowledgeDir: string): (term: string) => boolean {
  const words = readFileSync(join(knowledgeDir, 'dict', 'stopwords-vi.txt'), 'utf8')
    .split('\n')
    .map((s) => normalizeVietnamese(s.trim()).replace(/\s+/g, '_'))
    .filter(Boolean);
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
