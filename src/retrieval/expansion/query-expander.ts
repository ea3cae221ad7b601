import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DocLanguage } from '../../core/types.js';
import { normaliseText } from '../../language/normalise-text.js';
import { compilePhrases } from '../../language/phrase-matcher.js';

const expansionFileSchema = z.object({
  entries: z.array(z.object({ match: z.array(z.string().min(1)).min(1), add: z.array(z.string().min(1)).min(1), note: z.string().min(1) })),
});

/** Expands colloquial questions with statute vocabulary from `knowledge/expansions/`. */
export interface QueryExpander {
  /** The added terms (as text) for a question; empty when nothing matches. */
  expand(text: string, language: DocLanguage): string[];
}

export function loadQueryExpander(knowledgeDir: string): QueryExpander {
  const tables = (['zh', 'vi'] as const).map((language) => {
    const path = join(knowledgeDir, 'expansions', `${language}.json`);
    const parsed = expansionFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`Invalid expansion table ${path}: ${parsed.error.issues[0]?.message}`);
    const entries = parsed.data.entries;
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
