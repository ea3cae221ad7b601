import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/retrieval/lexical/bm25-index.js';

const docs = [
  ['工资', '拖欠', '支付'],
  ['加班', '工资', '百分之一百五十'],
  ['产假', '九十八', '天'],
  ['工资', '工资', '工资', '工资', '最低'],
];
const index = new Bm25Index(docs);
const q = (...terms: string[]) => terms.map((term) => ({ term, weight: 1 }));

describe('Bm25Index', () => {
  it('ranks the document with the rare matching term first', () => {
    expect(index.search(q('拖欠', '工资'), 4)[0]?.doc).toBe(0);
    expect(index.search(q('产假'), 4).map((h) => h.doc)).toEqual([2]);
  });
  it('reports coverage of the weighted query terms', () => {
    const hit = index.search(q('拖欠', '工资'), 4).find((h) => h.doc === 0)!;
    expect(hit.coverage).toBeCloseTo(1);
    const partial = index.search(q('拖欠', '产假'), 4).find((h) => h.doc === 0)!;
    expect(partial.coverage).toBeGreaterThan(0);
    expect(partial.coverage).toBeLessThan(1);
  });
  it('caps the query mass coverage is measured against, so long questions are not penalised', () => {
    const capped = new Bm25Index(docs, { coverageCap: 0.5 });
    const long = q('拖欠', '工资', '产假', '加班', '最低');
    expect(capped.search(long, 4).find((h) => h.doc === 0)?.coverage).toBe(1);
    expect(index.search(long, 4).find((h) => h.doc === 0)?.coverage).toBeLessThan(1);
  });

  it('weights terms: a low-weight term counts less', () => {
    const heavy = index.search(
      [
        { term: '加班', weight: 1 },
        { term: '产假', weight: 0.1 },
      ],
      4,
    );
    expect(heavy[0]?.doc).toBe(1);
  });
  it('respects the filter and returns nothing for unknown terms', () => {
    expect(index.search(q('工资'), 4, (d) => d !== 3).some((h) => h.doc === 3)).toBe(false);
    expect(index.search(q('不存在'), 4)).toEqual([]);
  });
  it('saturates term frequency: repeating a term does not win by itself', () => {
    const hits = index.search(q('工资', '拖欠'), 4);
    expect(hits[0]?.doc).toBe(0);
  });
});

describe('Bm25Index compact postings', () => {
  it('builds the same index from encoded tokens as from token lists', async () => {
    const { encodeTokens } = await import('../../src/retrieval/lexical/encoded-tokens.js');
    const fromEncoded = new Bm25Index(encodeTokens(docs));
    expect(fromEncoded.search(q('工资', '拖欠'), 4)).toEqual(index.search(q('工资', '拖欠'), 4));
    expect(fromEncoded.df('工资')).toBe(3);
  });
  it('reports for given documents the coverage search reports', () => {
    const query = q('拖欠', '产假', '工资');
    const hits = index.search(query, 4);
    expect(
      index.coverage(
        query,
        hits.map((h) => h.doc),
      ),
    ).toEqual(hits.map((h) => h.coverage));
    expect(index.coverage(query, [2])[0]).toBeGreaterThan(0);
  });
  it('keeps the best documents when far more match than the limit (heap path), best first', () => {
    const many = Array.from({ length: 200 }, (_, i) => [
      '共同',
      ...Array.from({ length: i % 7 }, () => '稀有'),
      `填充${i}`,
    ]);
    const big = new Bm25Index(many);
    const top = big.search(q('稀有', '共同'), 5);
    const all = big.search(q('稀有', '共同'), 200);
    expect(top).toEqual(all.slice(0, 5));
    expect(top.every((h, i) => i === 0 || h.score <= top[i - 1]!.score)).toBe(true);
  });
  it('resets its score buffers between queries', () => {
    const first = index.search(q('工资'), 4);
    index.search(q('加班', '产假'), 4);
    expect(index.search(q('工资'), 4)).toEqual(first);
  });
});
