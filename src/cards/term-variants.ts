import type { DocLanguage } from '../core/types.js';
import { toSimplified } from '../language/script.js';

/** Rewrites word variants (Taiwan / Hong Kong terms, colloquial synonyms) to one form before card matching. */
export type QueryRewrite = (text: string, language: DocLanguage) => string;

/** Leaves every question as typed (no table). */
export const NO_REWRITE: QueryRewrite = (text) => text;

/**
 * Builds the rewrite from `knowledge/cards/zh-term-variants.json` (Simplified `from` -> one form
 * `to`, applied after folding Traditional to Simplified, longest `from` first so 勞保用品 is not
 * read as 勞保). Chinese questions only; Vietnamese questions pass unchanged.
 */
export function createTermRewrite(table: readonly { from: string; to: string }[]): QueryRewrite {
  if (table.length === 0) return NO_REWRITE;
  const entries = [...table].sort((a, b) => b.from.length - a.from.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(entries.map((e) => escape(e.from)).join('|'), 'gu');
  const to = new Map(entries.map((e) => [e.from, e.to]));
  return (text, language) => {
    if (language !== 'zh') return text;
    return toSimplified(text).replace(pattern, (m) => to.get(m) ?? m);
  };
}
