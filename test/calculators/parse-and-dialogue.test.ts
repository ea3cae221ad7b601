import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/calculators/parse/extract-facts.js';
import { parseArabic, parseChineseAmount, parseVietnameseWords } from '../../src/calculators/parse/numbers.js';
import { findCnAmounts, findViAmounts } from '../../src/calculators/parse/money.js';
import { createCalculatorHook } from '../../src/calculators/calculator-hook.js';
import { loadCalculatorData } from '../../src/calculators/load-calculator-data.js';
import { decodeState, encodeState } from '../../src/calculators/state-marker.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import type { HistoryTurn } from '../../src/core/types.js';

describe('number formats', () => {
  it.each([
    ['6000', 6000],
    ['6,000', 6000],
    ['6.000.000', 6000000],
    ['6,5', 6.5],
    ['1.2', 1.2],
    ['x', undefined],
  ])('arabic %s -> %s', (s, v) => expect(parseArabic(s)).toBe(v));
  it.each([
    ['一万二', 12000],
    ['三万', 30000],
    ['两千五', 2500],
    ['八千五', 8500],
    ['六千', 6000],
    ['十二', 12],
    ['1万2', 12000],
  ])('chinese %s -> %d', (s, v) => expect(parseChineseAmount(s)).toBe(v));
  it.each([
    ['sáu', 6],
    ['mười hai', 12],
    ['hai mươi lăm', 25],
    ['foo', undefined],
  ])('vietnamese %s -> %s', (s, v) => expect(parseVietnameseWords(s)).toBe(v));
  it.each([
    ['月薪6000', 6000],
    ['6千', 6000],
    ['6k', 6000],
    ['1.2万', 12000],
    ['一万二', 12000],
    ['5000元', 5000],
  ])('cn amount %s -> %d', (s, v) => expect(findCnAmounts(s)[0]?.value).toBe(v));
  it.each([
    ['6tr', 6000000],
    ['6 triệu', 6000000],
    ['6tr5', 6500000],
    ['sáu triệu', 6000000],
    ['6.000.000đ', 6000000],
    ['500k', 500000],
    ['6,5 triệu', 6500000],
    ['lương 6.000.000', 6000000],
  ])('vi amount %s -> %d', (s, v) => expect(findViAmounts(s)[0]?.value).toBe(v));
});

describe('fact extraction', () => {
  it.each([
    ['干了5年零3个月', 63],
    ['两年半', 30],
    ['4年8个月', 56],
    ['半年', 6],
    ['18个月', 18],
    ['做了兩年半', 30],
    ['干了十二年', 144],
  ])('cn tenure %s -> %d months', (s, m) =>
    expect(extractFacts(s, s.includes('兩') ? 'zh-Hant' : 'zh-Hans').tenure?.months).toBe(m),
  );
  it.each([
    ['4 năm 3 tháng', 51],
    ['2 năm rưỡi', 30],
    ['18 tháng', 18],
    ['nửa năm', 6],
  ])('vi tenure %s -> %d months', (s, m) => expect(extractFacts(s, 'vi').tenure?.months).toBe(m));
  it.each([
    ['合同签了3年', 24 + 12],
    ['我簽了三年合同', 36],
    ['签了两年的劳动合同', 24],
    ['公司跟我签的是一年期合同', 12],
    ['三年的合同，试用期最长多久', 36],
    ['hợp đồng 2 năm', 24],
  ])('contract term %s -> %d months', (s, m) =>
    expect(extractFacts(s, /[ợă]/.test(s) ? 'vi' : s.includes('簽') ? 'zh-Hant' : 'zh-Hans').contractTerm).toBe(m),
  );

  it('does not read the time worked before a contract word as its term', () => {
    const facts = extractFacts('我工作了三年合同到期了', 'zh-Hans');
    expect(facts.contractTerm).toBeUndefined();
    expect(facts.tenure?.months).toBe(36);
  });

  it('tenure from a date range', () => {
    expect(extractFacts('2019年3月入职，2024年8月离职', 'zh-Hans').tenure).toEqual({ months: 65, days: 0 });
    expect(extractFacts('từ 01/3/2019 đến 15/8/2024', 'vi').tenure).toEqual({ months: 65, days: 14 });
  });
  it('does not read 一年多 as an exact tenure, nor a year number as one', () => {
    expect(extractFacts('干了一年多', 'zh-Hans').tenure).toBeUndefined();
    expect(extractFacts('2019年入职', 'zh-Hans').tenure).toBeUndefined();
  });
  it('separates wage, local average and overtime hours', () => {
    const f = extractFacts('月薪3万，当地平均工资8000，平时加班10小时，周末加班8小时', 'zh-Hans');
    expect([f.wage, f.localAverageWage, f.weekdayHours, f.restDayHours]).toEqual([30000, 8000, 10, 8]);
  });
  it('does not take a daily overtime figure for the total', () => {
    expect(extractFacts('每天加班2小时，月薪4000', 'zh-Hans').weekdayHours).toBeUndefined();
    expect(extractFacts('mỗi ngày làm thêm 2 giờ', 'vi').weekdayHours).toBeUndefined();
  });

  it('reads Vietnamese typed without diacritics', () => {
    const f = extractFacts('lam 3 nam 4 thang luong 7 trieu khong dong bhtn, lam them 10 gio', 'vi');
    expect([f.tenure?.months, f.wage, f.insuredMonths, f.weekdayHours]).toEqual([40, 7_000_000, 0, 10]);
    expect(extractFacts('luong 6tr5', 'vi').wage).toBe(6_500_000);
  });

  it('reads a bare number as the fact just asked for', () => {
    expect(extractFacts('6000', 'zh-Hans', 'wage').wage).toBe(6000);
    expect(extractFacts('6000', 'zh-Hans').wage).toBe(6000);
    expect(extractFacts('8', 'zh-Hans', 'tenure').tenure?.months).toBe(96);
    expect(extractFacts('30 nghìn', 'vi', 'hourlyWage').hourlyWage).toBe(30000);
    expect(extractFacts('30.000', 'vi', 'hourlyWage').hourlyWage).toBe(30000);
    expect(extractFacts('7,5', 'vi', 'wage').wage).toBe(7_500_000);
    expect(extractFacts('30', 'vi', 'hourlyWage').hourlyWage).toBeUndefined();
  });
});

describe('conversation with the calculator', async () => {
  const kb = await loadKnowledge('knowledge');
  const hook = createCalculatorHook(loadCalculatorData('knowledge'), kb.passages);

  function talk(lang: 'zh-Hans' | 'zh-Hant' | 'vi', messages: string[]) {
    const history: HistoryTurn[] = [];
    const replies = [];
    for (const text of messages) {
      const r = hook({ text, lang, jurisdiction: lang === 'vi' ? 'VN' : 'CN', history });
      replies.push(r);
      history.push({ role: 'worker', text }, { role: 'bot', text: r ? `${r.text}\n${r.memo}` : '(retrieval answer)' });
    }
    return replies;
  }

  it('asks for the missing wage, then computes, then accepts a correction', () => {
    const [first, second, third] = talk('zh-Hans', ['干了5年被辞退，经济补偿多少', '6000', '不对，是8年']);
    expect(first?.calculation).toBeUndefined();
    expect(first?.text).toContain('月工资');
    expect(second?.calculation?.result).toBe(30000);
    expect(third?.calculation?.result).toBe(48000);
    expect(third?.calculation?.citations).toContain('《劳动合同法》第四十七条');
  });

  it('asks one question at a time in Vietnamese', () => {
    const [a, b, c] = talk('vi', ['Tôi làm 4 năm 3 tháng, trợ cấp thôi việc bao nhiêu?', 'lương 6tr', 'không đóng']);
    expect(a?.text).toContain('Tiền lương bình quân');
    expect(b?.text).toContain('bảo hiểm thất nghiệp');
    expect(c?.calculation?.result).toBe(13_500_000);
  });

  it('computes severance for a dismissed worker who does not say "thôi việc"', () => {
    const question = 'Bị công ty cho nghỉ việc sau 4 năm, lương 8 triệu, đóng BHTN 2 năm, trợ cấp bao nhiêu?';
    const [r] = talk('vi', [question]);
    expect(r?.calculation?.result).toBe(8_000_000);
  });

  it('keeps the state in the bot turn only (survives a restart: a new hook reads the same history)', () => {
    const [first] = talk('zh-Hans', ['干了5年被辞退，经济补偿多少']);
    const fresh = createCalculatorHook(loadCalculatorData('knowledge'), kb.passages);
    const r = fresh({
      text: '月薪6000',
      lang: 'zh-Hans',
      jurisdiction: 'CN',
      history: [
        { role: 'worker', text: '干了5年被辞退，经济补偿多少' },
        { role: 'bot', text: `${first!.text}\n${first!.memo}` },
      ],
    });
    expect(r?.calculation?.result).toBe(30000);
  });

  it('carries facts over to a related calculator ("那违法辞退呢")', () => {
    const [, second] = talk('zh-Hans', ['干了5年被辞退，月薪6000，经济补偿多少', '那如果是违法辞退呢，赔偿金多少']);
    expect(second?.calculation?.result).toBe(60000);
  });

  it('computes from Vietnamese typed without diacritics', () => {
    expect(
      talk('vi', ['lam 3 nam luong 7 trieu khong dong bhtn, tro cap thoi viec bao nhieu'])[0]?.calculation?.result,
    ).toBe(10_500_000);
  });

  it('maternity leave after a miscarriage: asks the months of pregnancy if missing', () => {
    expect(talk('zh-Hant', ['女職工產假有幾天？懷孕三個月流產也有假嗎'])[0]?.calculation?.result).toBe(15);
    const [a, b] = talk('zh-Hans', ['流产了能休几天产假', '5个月']);
    expect(a?.text).toContain('怀孕几个月');
    expect(b?.calculation?.result).toBe(42);
  });

  it('asks for the hourly wage in Vietnamese and reads the answer', () => {
    const [a, b] = talk('vi', ['Tháng này em làm thêm 10 giờ ngày thường, tiền làm thêm bao nhiêu?', '25 nghìn']);
    expect(a?.text).toContain('Tiền lương giờ');
    expect(b?.calculation?.result).toBe(375_000);
  });

  it('computes the arbitration limit for arrears during employment without asking for a date', () => {
    const [a] = talk('zh-Hans', ['公司一直拖欠我工资，仲裁时效还剩多久']);
    expect(a?.calculation?.result).toBe('not_running');
  });

  it('leaves rule and legality questions to the law', () => {
    expect(talk('zh-Hans', ['经济补偿怎么算'])[0]).toBeUndefined();
    expect(talk('zh-Hans', ['一个月加班将近一百个小时，这合法吗'])[0]).toBeUndefined();
    expect(talk('zh-Hans', ['老板三个月没发工资怎么办'])[0]).toBeUndefined();
    // Paternity leave is not maternity leave.
    expect(talk('zh-Hans', ['老婆生孩子，我能休几天产假'])[0]).toBeUndefined();
    expect(talk('vi', ['chong duoc nghi may ngay khi vo sinh con'])[0]).toBeUndefined();
  });

  it("applies the cap from the union's table when the message names a listed city", () => {
    // A fixture row: the shipped table is empty on purpose.
    const data = {
      ...loadCalculatorData('knowledge'),
      cnAverageWages: [
        {
          region: '测试市',
          aliases: ['测试'],
          year: 2025,
          monthly_average: 2000,
          source: 'test fixture',
          checked_by: 'test',
        },
      ],
    };
    const withTable = createCalculatorHook(data, kb.passages);
    const r = withTable({
      text: '在测试市干了13年，月薪9000，被裁员，经济补偿多少',
      lang: 'zh-Hans',
      jurisdiction: 'CN',
      history: [],
    });
    expect(r?.calculation?.result).toBe(72000); // 9000 > 3 x 2000: base 6000 x 12 years
    expect(r?.text).toContain('12年');
  });

  it('state marker round-trips', () => {
    const s = {
      kind: 'vn_severance' as const,
      facts: { tenure: { months: 51, days: 0 }, wage: 6000000, insuredMonths: 'all' as const },
      asked: 'insuredMonths' as const,
    };
    expect(decodeState(`text\n${encodeState(s)}`)).toEqual(s);
    expect(decodeState('〔calc not_a_kind wage=1〕')).toBeUndefined();
  });
});
