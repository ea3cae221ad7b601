import type { Passage } from '../../src/core/types.js';

/** Builds a statute article for tests; only the fields a test cares about need passing. */
export function article(overrides: Partial<Passage> & Pick<Passage, 'docId' | 'law' | 'article' | 'text'>): Passage {
  const zh = overrides.docId.startsWith('cn/');
  return {
    id: `${overrides.docId}#${overrides.article}`,
    kind: 'article',
    jurisdiction: zh ? 'CN' : 'VN',
    language: zh ? 'zh' : 'vi',
    title: overrides.law,
    headings: [],
    clauses: [overrides.text],
    inForce: true,
    ...overrides,
  };
}

/** A few real articles (text copied from the statutes in knowledge/) for pipeline tests. */
export const SAMPLE_PASSAGES: Passage[] = [
  article({
    docId: 'cn/labor-contract-law',
    law: '劳动合同法',
    title: '中华人民共和国劳动合同法',
    article: 82,
    text:
      '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。\n' +
      '用人单位违反本法规定不与劳动者订立无固定期限劳动合同的，自应当订立无固定期限劳动合同之日起向劳动者每月支付二倍的工资。',
  }),
  article({
    docId: 'cn/labor-contract-law',
    law: '劳动合同法',
    title: '中华人民共和国劳动合同法',
    article: 30,
    text: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。\n用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令，人民法院应当依法发出支付令。',
  }),
  article({
    docId: 'vn/bo-luat-lao-dong-2019',
    law: 'Bộ luật Lao động 2019',
    title: 'Bộ luật Lao động',
    article: 97,
    caption: 'Kỳ hạn trả lương',
    text:
      'Người lao động hưởng lương theo tháng được trả lương tháng một lần hoặc nửa tháng một lần. ' +
      'Thời điểm trả lương do hai bên thỏa thuận và phải được ấn định vào một thời điểm có tính chu kỳ.',
  }),
  article({
    docId: 'vn/nghi-dinh-12-2022-nd-cp',
    law: 'Nghị định 12/2022/NĐ-CP',
    title: 'Nghị định 12/2022/NĐ-CP',
    article: 17,
    inForce: false,
    text:
      'Phạt tiền đối với người sử dụng lao động có hành vi không trả hoặc trả không đủ tiền lương ' +
      'cho người lao động.',
  }),
];
