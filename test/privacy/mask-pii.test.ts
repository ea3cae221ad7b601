import { describe, expect, it } from 'vitest';
import { maskPii } from '../../src/privacy/mask-pii.js';

describe('maskPii', () => {
  it.each([
    ['身份证110101199003078515', '110101199003078515'],
    ['身份证号11010119900307851X', '11010119900307851X'],
    ['工资卡 6222 0212 3456 7890 123', '6222 0212 3456 7890 123'],
    ['电话 138-1234-5678', '138-1234-5678'],
    ['手机+86 13812345678', '13812345678'],
    ['số điện thoại 0912 345 678', '0912 345 678'],
    ['CCCD 001203004567', '001203004567'],
    ['email a.worker@example.com', 'a.worker@example.com'],
  ])('masks %s', (text, secret) => {
    expect(maskPii(text)).not.toContain(secret);
  });

  it('masks self-introduced names', () => {
    expect(maskPii('我叫张三，老板不发工资')).toBe('我叫[姓名]，老板不发工资');
    expect(maskPii('Tôi tên là Nguyễn Văn An, công ty nợ lương')).not.toContain('Nguyễn Văn An');
  });

  it('leaves legal numbers alone', () => {
    const text = '劳动合同法第82条：二倍工资，30日内，98天产假，12351热线，Điều 35, 45 ngày';
    expect(maskPii(text)).toBe(text);
  });
});
