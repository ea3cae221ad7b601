import { describe, expect, it } from 'vitest';
import { createArticleLookup, verifySources } from '../../src/citations/verify-citations.js';
import { SAMPLE_PASSAGES, article } from '../helpers/passages.js';

const lookup = createArticleLookup(SAMPLE_PASSAGES);
const ids = new Set(SAMPLE_PASSAGES.map((p) => p.id));

describe('verifySources', () => {
  it('keeps articles that exist and are in force', () => {
    const r = verifySources([{ passage: SAMPLE_PASSAGES[0]! }], lookup, ids);
    expect(r.kept).toHaveLength(1);
    expect(r.dropped).toHaveLength(0);
  });
  it('drops an article number that does not exist', () => {
    const fake = article({ docId: 'cn/labor-contract-law', law: '劳动合同法', article: 999, text: '不存在' });
    const r = verifySources([{ passage: fake }], lookup, ids);
    expect(r.kept).toHaveLength(0);
    expect(r.dropped[0]?.reason).toBe('unknown_article');
  });
  it('drops an article whose text was altered', () => {
    const altered = { ...SAMPLE_PASSAGES[0]!, text: '用人单位应当支付三倍的工资。' };
    expect(verifySources([{ passage: altered }], lookup, ids).dropped[0]?.reason).toBe('unknown_article');
  });
  it('never cites a document that is no longer in force', () => {
    const r = verifySources([{ passage: SAMPLE_PASSAGES[3]! }], lookup, ids);
    expect(r.kept).toHaveLength(0);
    expect(r.dropped[0]?.reason).toBe('not_in_force');
  });
});
