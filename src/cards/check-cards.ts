import type { Passage } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese } from '../language/vietnamese.js';
import type { AnswerCard } from '../knowledge/card-schema.js';
import { extractNumbers } from './extract-numbers.js';
import type { CardBook } from './load-cards.js';

/** Minimum phrasings a card needs to be matched reliably. */
export const MIN_PHRASINGS = { CN: { 'zh-Hans': 4, 'zh-Hant': 2 }, VN: { vi: 4, viFolded: 2 } } as const;

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
const keyOf = (s: string): string => foldVietnamese(toSimplified(s.toLowerCase())).replace(/[^\p{L}\p{N}]+/gu, '');

function checkCard(card: AnswerCard, book: CardBook, byLawArticle: ReadonlyMap<string, Passage>): string[] {
  const problems: string[] = [];
  const where = `${book.sourceOf.get(card.id) ?? '?'} ${card.id}`;
  const jurisdictionPrefix = card.jurisdiction === 'CN' ? 'cn-' : 'vn-';
  if (!card.id.startsWith(jurisdictionPrefix)) problems.push(`${where}: id must start with ${jurisdictionPrefix}`);

  // Every cited article exists, is in force, and contains the quoted clause.
  const quotes: string[] = [];
  for (const c of card.citations) {
    const passage = byLawArticle.get(`${c.law}#${c.article}`);
    if (!passage) {
      problems.push(`${where}: cites ${c.law} article ${c.article}, which is not in knowledge/statutes`);
      continue;
    }
    if (passage.jurisdiction !== card.jurisdiction)
      problems.push(`${where}: cites ${c.law} (${passage.jurisdiction}) from a ${card.jurisdiction} card`);
    if (!passage.inForce) problems.push(`${where}: cites ${c.law} article ${c.article}, which is not in force`);
    if (!squash(passage.text).includes(squash(c.quote)))
      problems.push(`${where}: the quote is not in ${c.law} article ${c.article}: "${c.quote.slice(0, 40)}…"`);
    quotes.push(c.quote);
  }

  // Every number the plain answer states must be in a cited clause.
  const sourced = extractNumbers(quotes.join('\n'));
  const answers = Object.entries(card.answer).filter((e): e is [string, string] => typeof e[1] === 'string');
  const home = card.jurisdiction === 'CN' ? 'zh-Hans' : 'vi';
  if (!card.answer[home]) problems.push(`${where}: no ${home} answer`);
  for (const [lang, text] of answers) {
    for (const n of extractNumbers(text))
      if (!sourced.has(n)) problems.push(`${where}: ${lang} answer states ${n}, which no cited clause states`);
    const sentences = text.split(/(?<=[。！？!?])|(?<=\.)\s+/u).filter((s) => s.trim().length > 0);
    if (sentences.length > 3) problems.push(`${where}: ${lang} answer has ${sentences.length} sentences (at most 3)`);
  }
  for (const fact of card.key_facts) {
    if (!answers.some(([, text]) => text.includes(fact)))
      problems.push(`${where}: key fact "${fact}" is not in any answer`);
  }

  // Enough phrasings to be found.
  if (card.jurisdiction === 'CN') {
    if (card.phrasings['zh-Hans'].length < MIN_PHRASINGS.CN['zh-Hans'])
      problems.push(`${where}: needs ${MIN_PHRASINGS.CN['zh-Hans']} zh-Hans phrasings`);
    if (card.phrasings['zh-Hant'].length < MIN_PHRASINGS.CN['zh-Hant'])
      problems.push(`${where}: needs ${MIN_PHRASINGS.CN['zh-Hant']} zh-Hant phrasings`);
    for (const p of card.phrasings['zh-Hant'])
      if (toSimplified(p) === p) problems.push(`${where}: zh-Hant phrasing without Traditional characters: ${p}`);
  } else {
    const vi = card.phrasings.vi;
    const folded = vi.filter((p) => foldVietnamese(p) === p);
    if (vi.length - folded.length < MIN_PHRASINGS.VN.vi)
      problems.push(`${where}: needs ${MIN_PHRASINGS.VN.vi} Vietnamese phrasings with diacritics`);
    if (folded.length < MIN_PHRASINGS.VN.viFolded)
      problems.push(`${where}: needs ${MIN_PHRASINGS.VN.viFolded} Vietnamese phrasings without diacritics`);
  }
  if (!book.nextSteps[card.jurisdiction][card.next_steps])
    problems.push(`${where}: unknown next_steps "${card.next_steps}"`);
  return problems;
}

/**
 * The card check run by `npm test` (and at start-up in tests): every cited
 * article exists, is in force and holds the quoted clause; every number in a
 * plain answer is in a cited clause; no two cards share a situation or a
 * phrasing; each card has enough phrasings. Returns the problems found.
 */
export function checkCards(book: CardBook, passages: readonly Passage[]): string[] {
  const byLawArticle = new Map(
    passages.filter((p) => p.article !== undefined).map((p) => [`${p.law}#${p.article}`, p]),
  );
  const problems = book.cards.flatMap((card) => checkCard(card, book, byLawArticle));
  const situations = new Map<string, string>();
  const phrasings = new Map<string, string>();
  for (const card of book.cards) {
    const s = keyOf(card.situation);
    if (situations.has(s)) problems.push(`${card.id}: same situation as ${situations.get(s)}`);
    situations.set(s, card.id);
    for (const p of [...card.phrasings['zh-Hans'], ...card.phrasings['zh-Hant'], ...card.phrasings.vi]) {
      const k = `${card.jurisdiction}:${keyOf(p)}`;
      const other = phrasings.get(k);
      if (other !== undefined && other !== card.id)
        problems.push(`${card.id}: phrasing "${p}" also belongs to ${other}`);
      phrasings.set(k, card.id);
    }
  }
  for (const [j, steps] of Object.entries(book.nextSteps)) {
    for (const [key, text] of Object.entries(steps))
      if (!text['zh-Hans'] && !text.vi) problems.push(`next-steps ${j}/${key}: empty`);
  }
  return problems;
}
