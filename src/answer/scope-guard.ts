import type { Lang } from '../core/types.js';
import { loadScope, type ScopeRules } from '../knowledge/load-scope.js';
import { normaliseText, type NormalisedText } from '../language/normalise-text.js';
import { compilePhrases, type PhraseMatch, type PhraseMatcher } from '../language/phrase-matcher.js';

export type { ScopeRules };

/** What kind of message this is, before any retrieval. */
export type ScopeVerdict = 'manipulation' | 'greeting' | 'domain' | 'unknown';

/** Loads `knowledge/scope/scope.json` (schema in src/knowledge/load-scope.ts). */
export function loadScopeRules(knowledgeDir: string): ScopeRules {
  return loadScope(knowledgeDir);
}

/** Scope word lists compiled once per rules object. */
interface ScopeMatchers {
  readonly manipulation: PhraseMatcher;
  readonly greeting: Readonly<Record<'zh' | 'vi', PhraseMatcher>>;
  readonly domain: Readonly<Record<'zh' | 'vi', PhraseMatcher>>;
}

const compiled = new WeakMap<ScopeRules, ScopeMatchers>();

function matchersOf(rules: ScopeRules): ScopeMatchers {
  let m = compiled.get(rules);
  if (!m) {
    // Vietnamese words match whole syllables, with or without diacritics: "em" is not found in "nhiệm".
    const phrases = (list: readonly string[]) => compilePhrases(list, { diacritics: 'fold' });
    const { manipulation, greeting, domain } = rules;
    m = {
      manipulation: phrases([...manipulation.zh, ...manipulation.vi, ...(manipulation.en ?? [])]),
      greeting: { zh: phrases(greeting.zh), vi: phrases(greeting.vi) },
      domain: { zh: phrases(domain.zh), vi: phrases(domain.vi) },
    };
    compiled.set(rules, m);
  }
  return m;
}

/** Strips the greetings found, punctuation, emoji and spaces to judge whether a message is only a greeting. */
function residue(text: NormalisedText, greetings: readonly PhraseMatch[]): string {
  const chars = [...text.text.split('')];
  for (const g of greetings) for (let i = g.start; i < g.end; i += 1) chars[i] = ' ';
  return chars.join('').replace(/[\p{P}\p{S}\s\d]/gu, '');
}

/**
 * Classifies a message: an attempt to change the bot's rules, a bare greeting,
 * a labor/union question, or unknown (decided later by retrieval strength).
 */
export function classifyScope(rules: ScopeRules, text: string, lang: Lang): ScopeVerdict {
  const matchers = matchersOf(rules);
  const normalised = normaliseText(text);
  const family = lang === 'vi' ? 'vi' : 'zh';

  if (matchers.manipulation.test(normalised)) return 'manipulation';
  if (matchers.domain[family].test(normalised)) return 'domain';
  const greetings = matchers.greeting[family].find(normalised);
  if (greetings.length > 0 && residue(normalised, greetings).length <= 2) return 'greeting';
  return 'unknown';
}
