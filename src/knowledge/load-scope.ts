import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

const perLang = z.object({ zh: z.array(z.string()), vi: z.array(z.string()), en: z.array(z.string()).optional() });

/** `knowledge/scope/scope.json`: out-of-scope, greeting and manipulation cues. */
export const scopeSchema = z.object({ manipulation: perLang, greeting: perLang, domain: perLang });

/** Scope word lists from `knowledge/scope/scope.json`. */
export type ScopeRules = z.infer<typeof scopeSchema>;

/** Loads `<knowledgeDir>/scope/scope.json`. */
export function loadScope(knowledgeDir: string): ScopeRules {
  return readJsonFile(join(knowledgeDir, 'scope', 'scope.json'), scopeSchema);
}
