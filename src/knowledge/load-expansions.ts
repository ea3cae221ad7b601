import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

/** `knowledge/expansions/{zh,vi}.json`: colloquial phrases -> statute vocabulary added to a search. */
export const expansionFileSchema = z.object({
  entries: z.array(
    z.object({
      match: z.array(z.string().min(1)).min(1),
      add: z.array(z.string().min(1)).min(1),
      note: z.string().min(1),
    }),
  ),
});
export type ExpansionFile = z.infer<typeof expansionFileSchema>;

export interface ExpansionTables {
  readonly zh: ExpansionFile;
  readonly vi: ExpansionFile;
}

/** Loads `<knowledgeDir>/expansions/{zh,vi}.json`. */
export function loadExpansions(knowledgeDir: string): ExpansionTables {
  return {
    zh: readJsonFile(join(knowledgeDir, 'expansions', 'zh.json'), expansionFileSchema),
    vi: readJsonFile(join(knowledgeDir, 'expansions', 'vi.json'), expansionFileSchema),
  };
}
