import type { DocumentMeta } from '../../src/core/types.js';
import { toSimplified } from '../../src/language/script.js';
import { foldVietnamese } from '../../src/language/vietnamese.js';
import type { GoldRef } from './case-schema.js';

function normalizeTitle(title: string): string {
  return foldVietnamese(toSimplified(title))
    .replace(/[《》]/g, '')
    .replace(/^中华人民共和国/, '')
    .replace(/\b(nam )?\d{4}\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Resolves gold references to knowledge documents. Titles are compared
 * without 中华人民共和国, 《》, years and diacritics; a gold `law_number`
 * (e.g. 45/2019/QH14) must match the document's number, so a reference to a
 * superseded version never counts as the current law.
 */
export function createGoldResolver(docs: readonly DocumentMeta[]): (ref: GoldRef) => string | undefined {
  const names = docs.flatMap((d) => [d.law, d.title, ...d.aliases].map((n) => ({ doc: d, name: normalizeTitle(n) })));
  return (ref) => {
    const wanted = normalizeTitle(ref.law);
    const candidates = names.filter((n) => n.name === wanted).map((n) => n.doc);
    const unique = [...new Map(candidates.map((d) => [d.docId, d])).values()];
    const match = ref.law_number ? unique.find((d) => d.number === ref.law_number) : unique[0];
    return match?.docId;
  };
}
