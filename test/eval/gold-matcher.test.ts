import { describe, expect, it } from 'vitest';
import { createLawResolver, loadLawAliases, type LawDoc } from '../../eval/lib/gold-matcher.js';
import { lawNumberInTitle, lawTitleKey } from '../../eval/lib/law-title.js';

const docs: LawDoc[] = [
  { docId: 'cn/labor-contract-law', law: '劳动合同法', title: '中华人民共和国劳动合同法', aliases: [], inForce: true },
  {
    docId: 'cn/labor-contract-law-implementing-regulations',
    law: '劳动合同法实施条例',
    title: '中华人民共和国劳动合同法实施条例',
    aliases: [],
    inForce: true,
  },
  {
    docId: 'cn/labor-dispute-mediation-arbitration-law',
    law: '劳动争议调解仲裁法',
    title: '中华人民共和国劳动争议调解仲裁法',
    aliases: ['调解仲裁法'],
    inForce: true,
  },
  {
    docId: 'cn/spc-1',
    law: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）',
    title: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）',
    aliases: [],
    inForce: true,
  },
  {
    docId: 'vn/bo-luat-lao-dong-2019',
    law: 'Bộ luật Lao động 2019',
    title: 'Bộ luật Lao động',
    aliases: ['BLLĐ'],
    number: '45/2019/QH14',
    inForce: true,
  },
  {
    docId: 'vn/luat-bhxh-2024',
    law: 'Luật Bảo hiểm xã hội 2024',
    title: 'Luật Bảo hiểm xã hội',
    aliases: [],
    number: '41/2024/QH15',
    inForce: true,
  },
  {
    docId: 'vn/luat-atvsld-2015',
    law: 'Luật An toàn, vệ sinh lao động 2015',
    title: 'Luật An toàn, vệ sinh lao động',
    aliases: [],
    number: '84/2015/QH13',
    inForce: true,
  },
  {
    docId: 'vn/nd-145',
    law: 'Nghị định 145/2020/NĐ-CP',
    title: 'Nghị định quy định chi tiết ...',
    aliases: [],
    number: '145/2020/NĐ-CP',
    inForce: true,
  },
];

describe('law title key', () => {
  it('strips the state prefix, title marks, version dates and years, and folds Traditional script', () => {
    expect(lawTitleKey('《中華人民共和國勞動合同法》')).toBe('劳动合同法');
    expect(lawTitleKey('中华人民共和国劳动合同法（2012年修正）')).toBe('劳动合同法');
    expect(lawTitleKey('劳动合同法(2012-12-28)')).toBe('劳动合同法');
    expect(lawTitleKey('Bộ luật Lao động năm 2019')).toBe('bo luat lao dong');
    expect(lawTitleKey('Luật An toàn, vệ sinh lao động')).toBe(lawTitleKey('luat an toan ve sinh lao dong'));
  });

  it('keeps the (一) that tells judicial interpretations apart', () => {
    expect(lawTitleKey('解释（一）')).toBe('解释(一)');
    expect(lawTitleKey('解释（一）')).not.toBe(lawTitleKey('解释（二）'));
  });

  it('finds a Vietnamese document number inside a title', () => {
    expect(lawNumberInTitle('Nghị định số 145/2020/NĐ-CP')).toBe('145/2020/NĐ-CP');
    expect(lawNumberInTitle('劳动合同法')).toBeUndefined();
  });
});

describe('law resolver', () => {
  const resolve = createLawResolver(docs, loadLawAliases());

  it('resolves Chinese gold titles with or without prefix, marks or Traditional script', () => {
    expect(resolve({ law: '劳动合同法' })).toBe('cn/labor-contract-law');
    expect(resolve({ law: '《中华人民共和国劳动合同法》' })).toBe('cn/labor-contract-law');
    expect(resolve({ law: '勞動合同法' })).toBe('cn/labor-contract-law');
    expect(resolve({ law: '调解仲裁法' })).toBe('cn/labor-dispute-mediation-arbitration-law');
    expect(resolve({ law: '民法典' })).toBeUndefined();
  });

  it('uses the eval alias table', () => {
    expect(resolve({ law: '劳动争议仲裁法' })).toBe('cn/labor-dispute-mediation-arbitration-law');
    expect(resolve({ law: '劳动争议司法解释（一）' })).toBe('cn/spc-1');
  });

  it('matches a Vietnamese title without year by name plus law number', () => {
    expect(resolve({ law: 'Bộ luật Lao động', law_number: '45/2019/QH14' })).toBe('vn/bo-luat-lao-dong-2019');
    expect(resolve({ law: 'Bộ luật Lao động 2019' })).toBe('vn/bo-luat-lao-dong-2019');
    expect(resolve({ law: 'bo luat lao dong nam 2019' })).toBe('vn/bo-luat-lao-dong-2019');
    expect(resolve({ law: 'Luật An toàn vệ sinh lao động', law_number: '84/2015/QH13' })).toBe('vn/luat-atvsld-2015');
    expect(resolve({ law: 'Nghị định số 145/2020/NĐ-CP' })).toBe('vn/nd-145');
  });

  it('never maps a superseded version to the current law', () => {
    expect(resolve({ law: 'Luật Bảo hiểm xã hội', law_number: '58/2014/QH13' })).toBeUndefined();
    expect(resolve({ law: 'Luật Bảo hiểm xã hội', law_number: '41/2024/QH15' })).toBe('vn/luat-bhxh-2024');
    expect(resolve({ law: 'Nghị định 28/2020/NĐ-CP' })).toBeUndefined();
  });

  it('picks the version named by a year when two documents share a title', () => {
    const two = createLawResolver(
      [
        {
          docId: 'vn/cd-2012',
          law: 'Luật Công đoàn 2012',
          title: 'Luật Công đoàn',
          aliases: [],
          number: '12/2012/QH13',
          inForce: false,
        },
        {
          docId: 'vn/cd-2024',
          law: 'Luật Công đoàn 2024',
          title: 'Luật Công đoàn',
          aliases: [],
          number: '50/2024/QH15',
          inForce: true,
        },
      ],
      {},
    );
    expect(two({ law: 'Luật Công đoàn năm 2012' })).toBe('vn/cd-2012');
    expect(two({ law: 'Luật Công đoàn' })).toBe('vn/cd-2024');
  });
});
