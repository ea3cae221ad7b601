import { describe, expect, it } from 'vitest';
import { createReferenceFinder, findBareArticleNumbers } from '../../src/citations/parse-references.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';

describe('reference parsing', async () => {
  const kb = await loadKnowledge('knowledge');
  const find = createReferenceFinder(kb.documents);
  const first = (text: string) => find(text).map(({ docId, article }) => ({ docId, article }))[0];

  it.each([
    ['劳动合同法第82条说什么', 'cn/labor-contract-law', 82],
    ['《劳动合同法》第八十二条', 'cn/labor-contract-law', 82],
    ['《中华人民共和国劳动合同法》第八十二条', 'cn/labor-contract-law', 82],
    ['勞動合同法第八十二條規定', 'cn/labor-contract-law', 82],
    ['劳动合同法实施条例第六条', 'cn/labor-contract-law-implementing-regulations', 6],
    ['劳动法第四十四条', 'cn/labor-law', 44],
    ['工伤条例第十四条', 'cn/work-injury-insurance-regulations', 14],
    ['Điều 35 Bộ luật Lao động quy định gì', 'vn/bo-luat-lao-dong-2019', 35],
    ['khoản 1 Điều 35 BLLĐ 2019', 'vn/bo-luat-lao-dong-2019', 35],
    ['Điều 35 của Bộ luật Lao động', 'vn/bo-luat-lao-dong-2019', 35],
    ['dieu 35 bo luat lao dong', 'vn/bo-luat-lao-dong-2019', 35],
    ['theo Điều 39 Luật Bảo hiểm xã hội 2024', 'vn/luat-bao-hiem-xa-hoi-2024', 39],
  ])('%s', (text, docId, article) => {
    expect(first(text)).toEqual({ docId, article });
  });

  it('finds nothing in a question that names no article', () => {
    expect(find('老板不发工资怎么办')).toEqual([]);
    expect(find('công ty nợ lương')).toEqual([]);
  });

  it('finds several references in order', () => {
    expect(find('依照劳动合同法第四十七条和劳动法第五十条').map((r) => r.article)).toEqual([47, 50]);
  });

  it('reads bare article numbers', () => {
    expect(findBareArticleNumbers('第82条和Điều 35')).toEqual([82, 35]);
  });
});
