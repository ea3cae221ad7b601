import type { DocLanguage } from '../../core/types.js';
import { loadExpansions, type ExpansionTables } from '../../knowledge/load-expansions.js';
import { normaliseText } from '../../language/normalise-text.js';
import { compilePhrases } from '../../language/phrase-matcher.js';

/** Expands colloquial questions with statute vocabulary from `knowledge/expansions/`. */
export interface QueryExpander {
  /** The added terms (as text) for a question; empty when nothing matches. */
  expand(text: string, language: DocLanguage): string[];
}

/** Reads the expansion tables of a knowledge folder (scripts and tests that have only the folder). */
export function loadQueryExpander(knowledgeDir: string): QueryExpander {
  return createQueryExpander(loadExpansions(knowledgeDir));
}

/** Compiles expansion tables already loaded (createBot hands over those of loadKnowledgeDir). */
export function createQueryExpander(files: ExpansionTables): QueryExpander {
  const tables = (['zh', 'vi'] as const).map((language) => {
    const entries = files[language].entries;
    // One matcher per table; Vietnamese phrases match whole syllables, with or without diacritics.
    const phrases = entries.flatMap((e, i) => e.match.map((phrase) => ({ phrase, entry: i })));
    const matcher = compilePhrases(
      phrases.map((p) => p.phrase),
      { diacritics: 'fold' },
    );
    return { language, entries, phrases, matcher };
  });
  return {
    expand(text, language) {
      const table = tables.find((t) => t.language === language)!;
      const matched = new Set(table.matcher.find(normaliseText(text)).map((m) => table.phrases[m.index]!.entry));
      const added = table.entries.flatMap((e, i) => (matched.has(i) ? e.add : []));
      return [...new Set(added)];
    },
  };
}
