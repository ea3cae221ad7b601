import type { DocLanguage } from '../../core/types.js';
import { loadExpansions } from '../../knowledge/load-expansions.js';
import { toSimplified } from '../../language/script.js';
import { foldVietnamese } from '../../language/vietnamese.js';

/** Expands colloquial questions with statute vocabulary from `knowledge/expansions/`. */
export interface QueryExpander {
  /** The added terms (as text) for a question; empty when nothing matches. */
  expand(text: string, language: DocLanguage): string[];
}

function normalise(text: string, language: DocLanguage): string {
  return language === 'zh' ? toSimplified(text.toLowerCase()) : ` ${foldVietnamese(text).replace(/[^\p{L}\p{N}%]+/gu, ' ')} `;
}

export function loadQueryExpander(knowledgeDir: string): QueryExpander {
  const files = loadExpansions(knowledgeDir);
  const tables = (['zh', 'vi'] as const).map((language) => {
    return {
      language,
      entries: files[language].entries.map((e) => ({
        // Vietnamese phrases match on whole syllables of the folded text.
        match: e.match.map((m) => (language === 'zh' ? toSimplified(m.toLowerCase()) : ` ${foldVietnamese(m)} `)),
        add: e.add,
      })),
    };
  });
  return {
    expand(text, language) {
      const table = tables.find((t) => t.language === language)!;
      const haystack = normalise(text, language);
      const added: string[] = [];
      for (const entry of table.entries) if (entry.match.some((m) => haystack.includes(m))) added.push(...entry.add);
      return [...new Set(added)];
    },
  };
}
