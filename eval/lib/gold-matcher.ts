import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DocumentMeta } from '../../src/core/types.js';
import { lawNumberInTitle, lawNumberKey, lawTitleKey } from './law-title.js';

/** What the resolver needs to know about a knowledge document. */
export type LawDoc = Pick<DocumentMeta, 'docId' | 'law' | 'title' | 'aliases' | 'number' | 'inForce'>;

/** A law reference to resolve: a dataset's gold ref or a citation. */
export interface LawRef {
  readonly law: string;
  /** Vietnamese document number (45/2019/QH14); tells versions of one law apart. */
  readonly law_number?: string | undefined;
}

const aliasFileSchema = z.object({ aliases: z.record(z.string(), z.string()) });

/** Eval-side title aliases (`eval/law-aliases.json`): alternative name -> the document's short title. */
export function loadLawAliases(
  file: URL | string = new URL('../law-aliases.json', import.meta.url),
): Record<string, string> {
  return aliasFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).aliases;
}

/**
 * Resolves law references to knowledge document ids.
 *
 * 1. The exact short title (`Passage.law`, as citations carry it) wins.
 * 2. A document number (given as `law_number` or written in the title) must
 *    match the document's number, so `Luật Bảo hiểm xã hội` 58/2014/QH13
 *    never counts as the 2024 law that replaced it.
 * 3. Otherwise titles are compared by {@link lawTitleKey} (without
 *    中华人民共和国, 《》, years, script and diacritics) against each
 *    document's short title, full title and manifest aliases, after mapping
 *    the eval alias table. With several candidates, a year in the reference
 *    picks the version, else the one in force.
 */
export function createLawResolver(
  docs: readonly LawDoc[],
  aliases: Readonly<Record<string, string>> = loadLawAliases(),
): (ref: LawRef) => string | undefined {
  const byLaw = new Map(docs.map((d) => [d.law, d]));
  const byNumber = new Map<string, LawDoc>();
  for (const d of docs) if (d.number) byNumber.set(lawNumberKey(d.number), d);
  const byKey = new Map<string, LawDoc[]>();
  for (const d of docs) {
    for (const key of new Set([d.law, d.title, ...d.aliases].map(lawTitleKey)))
      byKey.set(key, [...(byKey.get(key) ?? []), d]);
  }
  const aliasKeys = new Map(Object.entries(aliases).map(([alias, law]) => [lawTitleKey(alias), lawTitleKey(law)]));

  return (ref) => {
    const number = ref.law_number ?? lawNumberInTitle(ref.law);
    const exact = byLaw.get(ref.law);
    if (exact && (!number || (exact.number !== undefined && lawNumberKey(exact.number) === lawNumberKey(number))))
      return exact.docId;
    if (number) return byNumber.get(lawNumberKey(number))?.docId;
    const key = lawTitleKey(ref.law);
    const candidates = byKey.get(aliasKeys.get(key) ?? key) ?? [];
    if (candidates.length <= 1) return candidates[0]?.docId;
    const year = /\d{4}/.exec(ref.law)?.[0];
    const sameYear = year
      ? candidates.filter((d) => [d.law, d.title, d.number ?? ''].some((n) => n.includes(year)))
      : [];
    return (sameYear[0] ?? candidates.find((d) => d.inForce) ?? candidates[0])?.docId;
  };
}

/** Resolves gold references (with an optional `law_number`) to document ids. */
export function createGoldResolver(
  docs: readonly LawDoc[],
  aliases?: Readonly<Record<string, string>>,
): (ref: LawRef) => string | undefined {
  return createLawResolver(docs, aliases);
}
