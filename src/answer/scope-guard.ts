import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese, normalizeVietnamese } from '../language/vietnamese.js';

const perLang = z.object({ zh: z.array(z.string()), vi: z.array(z.string()), en: z.array(z.string()).optional() });
const scopeSchema = z.object({ manipulation: perLang, greeting: perLang, domain: perLang });

/** Scope word lists from `knowledge/scope/scope.json`. */
export type ScopeRules = z.infer<typeof scopeSchema>;

/** What kind of message this is, before any retrieval. */
export type ScopeVerdict = 'manipulation' | 'greeting' | 'domain' | 'unknown';

export function loadScopeRules(knowledgeDir: string): ScopeRules {
  const path = join(knowledgeDir, 'scope', 'scope.json');
  const parsed = scopeSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid scope rules in ${path}: ${parsed.error.message}`);
  return parsed.data;
}

function containsAny(haystacks: readonly string[], needles: readonly string[]): boolean {
  return needles.some((n) => {
    const needle = n.toLowerCase();
    return haystacks.some((h) => h.includes(needle) || h.includes(foldVietnamese(needle)));
  });
}

/** Strips punctuation, emoji and spaces to judge whether a message is only a greeting. */
function residue(text: string, greetings: readonly string[]): string {
  let rest = text;
  for (const g of [...greetings].sort((a, b) => b.length - a.length)) rest = rest.split(g.toLowerCase()).join('');
  return rest.replace(/[\p{P}\p{S}\s\d]/gu, '');
}

/**
 * Classifies a message: an attempt to change the bot's rules, a bare greeting,
 * a labor/union question, or unknown (decided later by retrieval strength).
 */
export function classifyScope(rules: ScopeRules, text: string, lang: Lang): ScopeVerdict {
  const lower = text.toLowerCase();
  const simplified = toSimplified(lower);
  const vi = normalizeVietnamese(text);
  const folded = foldVietnamese(text);
  const forms = [simplified, vi, folded];
  const family = lang === 'vi' ? 'vi' : 'zh';

  if (containsAny(forms, [...rules.manipulation.zh, ...rules.manipulation.vi, ...(rules.manipulation.en ?? [])])) {
    return 'manipulation';
  }
  const domain = containsAny(forms, rules.domain[family]);
  if (domain) return 'domain';
  const greetings = rules.greeting[family];
  if (containsAny(forms, greetings) && residue(family === 'vi' ? vi : simplified, greetings).length <= 2) return 'greeting';
  return 'unknown';
}
