import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/language/detect-lang.js';

describe('detectLang', () => {
  it.each([
    ['老板三个月没发工资怎么办', 'zh-Hans'],
    ['被炒了有没有赔偿', 'zh-Hans'],
    ['老闆三個月沒發工資怎麼辦', 'zh-Hant'],
    ['公司不給我加班費', 'zh-Hant'],
    ['công ty không đóng bảo hiểm', 'vi'],
    ['cong ty no luong 3 thang roi', 'vi'],
    ['toi bi duoi viec khong bao truoc', 'vi'],
  ])('%s -> %s', (text, lang) => {
    expect(detectLang(text).lang).toBe(lang);
  });

  it('returns null for text without Chinese or Vietnamese', () => {
    expect(detectLang('😀😀😀').lang).toBeNull();
    expect(detectLang('').lang).toBeNull();
    expect(detectLang('hello, what is the weather').lang).toBeNull();
  });

  it('uses the conversation language when the script is ambiguous', () => {
    // 工人 is written the same way in both scripts.
    expect(detectLang('工人', 'zh-Hant').lang).toBe('zh-Hant');
    expect(detectLang('工人').lang).toBe('zh-Hans');
  });

  it('flags mixed Chinese and Vietnamese and picks the larger part', () => {
    const r = detectLang('公司 công ty nợ lương ba tháng rồi');
    expect(r.mixed).toBe(true);
    expect(r.lang).toBe('vi');
    expect(detectLang('我在越南工作，公司拖欠工资 nợ lương').lang).toBe('zh-Hans');
  });
});
