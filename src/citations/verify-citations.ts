import type { Passage } from '../core/types.js';

/** Looks articles up by document and number. */
export interface ArticleLookup {
  get(docId: string, article: number): Passage | undefined;
}

/** Builds an in-memory lookup over every statute article of the knowledge base. */
export function createArticleLookup(passages: readonly Passage[]): ArticleLookup {
  const byKey = new Map<string, Passage>();
  for (const p of passages) if (p.article !== undefined) byKey.set(`${p.docId}#${p.article}`, p);
  return { get: (docId, article) => byKey.get(`${docId}#${article}`) };
}

export interface VerifiedSources<T extends { passage: Passage }> {
  readonly kept: T[];
  /** Sources dropped, with why: `unknown_article` or `not_in_force`. */
  readonly dropped: { source: T; reason: 'unknown_article' | 'not_in_force' }[];
}

/**
 * Checks every source before it is cited: a statute article must exist in the
 * article index with the same text, and be in force. Articles of documents
 * that are probably no longer in force are never cited as current law.
 */
export function verifySources<T extends { passage: Passage }>(
  sources: readonly T[],
  lookup: ArticleLookup,
  knownPassageIds: ReadonlySet<string>,
): VerifiedSources<T> {
  const kept: T[] = [];
  const dropped: VerifiedSources<T>['dropped'] = [];
  for (const source of sources) {
    const p = source.passage;
    if (p.kind === 'article') {
      const found = p.article === undefined ? undefined : lookup.get(p.docId, p.article);
      if (!found || found.text !== p.text) {
        dropped.push({ source, reason: 'unknown_article' });
        continue;
      }
      if (!found.inForce) {
        dropped.push({ source, reason: 'not_in_force' });
        continue;
      }
    } else if (!knownPassageIds.has(p.id) || !p.inForce) {
      dropped.push({ source, reason: 'unknown_article' });
      continue;
    }
    kept.push(source);
  }
  return { kept, dropped };
}
