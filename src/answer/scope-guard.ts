import type { Lang } from '../core/types.js';
import { loadScope, type ScopeRules } from '../knowledge/load-scope.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese, normalizeVietnamese } from '../language/vietnamese.js';

export type { ScopeRules };

/** What kind of message this is, before any retrieval. */
export type ScopeVerdict = 'manipulation' | 'greeting' | 'domain' | 'unknown';

/** Loads `knowledge/scope/scope.json` (schema in src/knowledge/load-scope.ts). */
export function loadScopeRules(knowledgeDir: string): ScopeRules {
  return loadScope(knowledgeDir);
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
