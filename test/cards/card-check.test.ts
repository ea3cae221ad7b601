import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { checkCards } from '../../src/cards/check-cards.js';
import { loadCards, type CardBook } from '../../src/cards/load-cards.js';
import type { AnswerCard } from '../../src/knowledge/card-schema.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
let kb: KnowledgeBase;
let book: CardBook;

beforeAll(async () => {
  kb = await loadKnowledge(KNOWLEDGE);
  book = loadCards(KNOWLEDGE);
});

/** A card that fails the check cannot ship: this is the gate. */
describe('the reviewed answer cards', () => {
  it('all pass the card check', () => {
    expect(checkCards(book, kb.passages)).toEqual([]);
  });

  it('cover both jurisdictions', () => {
    expect(book.cards.filter((c) => c.jurisdiction === 'CN').length).toBeGreaterThanOrEqual(40);
    expect(book.cards.filter((c) => c.jurisdiction === 'VN').length).toBeGreaterThanOrEqual(30);
  });
});

describe('checkCards rejects', () => {
  const withCard = (card: AnswerCard, extra: AnswerCard[] = []): CardBook => ({
    ...book,
    cards: [card, ...extra],
    sourceOf: new Map([[card.id, 'test']]),
  });
  const base = (): AnswerCard => structuredClone(book.cards.find((c) => c.id === 'cn-no-contract-double-pay')!);

  it('a number the cited clause does not state', () => {
    const card = base();
    card.answer['zh-Hans'] = '单位应当每月向你支付三倍的工资。';
    expect(checkCards(withCard(card), kb.passages).join('\n')).toContain('states 3');
  });

  it('a quote that is not in the article', () => {
    const card = base();
    card.citations[0] = { ...card.citations[0]!, quote: '用人单位应当向劳动者每月支付三倍的工资' };
    expect(checkCards(withCard(card), kb.passages).join('\n')).toContain('quote is not in');
  });

  it('an article that does not exist, and one not in force', () => {
    const card = base();
    card.citations = [{ law: '劳动合同法', article: 999, quote: '二倍的工资' }];
    expect(checkCards(withCard(card), kb.passages).join('\n')).toContain('not in knowledge/statutes');
    const stale = kb.passages.find((p) => !p.inForce && p.article !== undefined)!;
    const vn = structuredClone(book.cards.find((c) => c.jurisdiction === 'VN')!);
    vn.citations = [{ law: stale.law, article: stale.article!, quote: stale.clauses[0]!.slice(0, 20) }];
    expect(checkCards(withCard(vn), kb.passages).join('\n')).toContain('not in force');
  });

  it('two cards on the same situation, and a shared phrasing', () => {
    const a = base();
    const b = { ...base(), id: 'cn-copy' };
    const problems = checkCards({ ...withCard(a, [b]) }, kb.passages).join('\n');
    expect(problems).toContain('same situation');
    expect(problems).toContain('also belongs to');
  });

  it('too few phrasings and a missing key fact', () => {
    const card = base();
    card.phrasings['zh-Hans'] = card.phrasings['zh-Hans'].slice(0, 1);
    card.key_facts = ['三倍'];
    const problems = checkCards(withCard(card), kb.passages).join('\n');
    expect(problems).toContain('phrasings');
    expect(problems).toContain('key fact "三倍"');
  });
});
