import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DocLanguage } from '../../core/types.js';
import { toSimplified } from '../../language/script.js';
import { foldVietnamese } from '../../language/vietnamese.js';

const expansionFileSchema = z.object({
  entries: z.array(z.object({ match: z.array(z.string().min(1)).min(1), add: z.array(z.string().min(1)).min(1), note: z.string().min(1) })),
});

/** Expands colloquial questions with statute vocabulary from `knowledge/expansions/`. */
export interface QueryExpander {
  /** The added terms (as text) for a question; empty when nothing matches. */
  expand(text: string, language: DocLanguage): string[];
}

function normalise(text: string, language: DocLanguage): string {
  return language === 'zh' ? toSimplified(text.toLowerCase()) : ` ${foldVietnamese(text).replace(/[^\p{L}\p{N}%]+/gu, ' ')} `;
}

export function loadQueryExpander(knowledgeDir: string): QueryExpander {
  const tables = (['zh', 'vi'] as const).map((language) => {
    const path = join(knowledgeDir, 'expansions', `${language}.json`);
    const parsed = expansionFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`Invalid expansion table ${path}: ${parsed.error.issues[0]?.message}`);
    return {
      language,
      entries: parsed.data.entries.map((e) => ({
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
