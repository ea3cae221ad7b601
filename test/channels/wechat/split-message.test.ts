import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../../src/channels/wechat/split-message.js';

const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('splitMessage', () => {
  it('keeps a message within the limit whole', () => {
    expect(splitMessage('短。', 10)).toEqual(['短。']);
  });

  it('packs whole sentences up to the limit', () => {
    expect(splitMessage('一二三四五。六七八九十。甲乙丙丁戊。', 12)).toEqual([
      '一二三四五。六七八九十。',
      '甲乙丙丁戊。',
    ]);
  });

  it('splits Vietnamese at ". " and after ! and ?', () => {
    const text = 'Bạn có quyền nghỉ. Công ty phải trả lương! Bạn đã hỏi công đoàn chưa? Hãy giữ hợp đồng.';
    const parts = splitMessage(text, 45);
    expect(parts).toEqual([
      'Bạn có quyền nghỉ. Công ty phải trả lương!',
      'Bạn đã hỏi công đoàn chưa? Hãy giữ hợp đồng.',
    ]);
    expect(splitMessage(text, 30)).toEqual([
      'Bạn có quyền nghỉ.',
      'Công ty phải trả lương!',
      'Bạn đã hỏi công đoàn chưa?',
      'Hãy giữ hợp đồng.',
    ]);
  });

  it('splits at line breaks', () => {
    expect(splitMessage('第一行内容很长很长\n第二行内容很长很长\n第三行', 20)).toEqual([
      '第一行内容很长很长\n第二行内容很长很长',
      '第三行',
    ]);
  });

  it('cuts an over-long sentence at a comma, not mid-phrase', () => {
    const text = `${'甲'.repeat(30)}，${'乙'.repeat(30)}，${'丙'.repeat(30)}。`;
    const parts = splitMessage(text, 40);
    expect(parts).toEqual([`${'甲'.repeat(30)}，`, `${'乙'.repeat(30)}，`, `${'丙'.repeat(30)}。`]);
  });

  it('does not cut inside a Chinese citation', () => {
    const text = `${'用'.repeat(40)}《中华人民共和国劳动合同法》第八十二条规定的二倍工资${'甲'.repeat(20)}`;
    for (const max of [45, 50, 55, 60]) {
      const parts = splitMessage(text, max);
      expect(
        parts.some((p) => p.includes('《中华人民共和国劳动合同法》第八十二条')),
        `max ${max}`,
      ).toBe(true);
      expect(parts.join('')).toBe(text);
      expect(parts.every((p) => p.length <= max)).toBe(true);
    }
  });

  it('does not cut inside a Vietnamese citation', () => {
    const text = `Theo quy định tại Điều 35 Bộ luật Lao động 2019 người lao động có quyền đơn phương chấm dứt hợp đồng`;
    for (const max of [30, 40, 50]) {
      const parts = splitMessage(text, max);
      expect(
        parts.some((p) => p.includes('Điều 35 Bộ luật Lao động 2019')),
        `max ${max}`,
      ).toBe(true);
      expect(noSpace(parts.join(''))).toBe(noSpace(text));
    }
  });

  it('hard-cuts text without any break and loses nothing', () => {
    const text = 'a'.repeat(250);
    const parts = splitMessage(text, 100);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
  });

  it('never separates the halves of an emoji', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(20)}`;
    const parts = splitMessage(text, 10);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => !/[\ud800-\udbff]$/.test(p) && !/^[\udc00-\udfff]/.test(p))).toBe(true);
  });

  it('keeps every part within the limit on a realistic answer', () => {
    const answer = [
      '根据《劳动合同法》第三十条，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
      '用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令。',
      '另外，《劳动合同法》第三十八条规定，未及时足额支付劳动报酬的，劳动者可以解除劳动合同。',
      '如需帮助，可拨打工会服务热线。',
    ]
      .join('\n')
      .repeat(6);
    for (const max of [80, 200, 1800]) {
      const parts = splitMessage(answer, max);
      expect(parts.every((p) => p.length <= max)).toBe(true);
      expect(noSpace(parts.join(''))).toBe(noSpace(answer));
      expect(parts.every((p) => !/《[^》]*$/.test(p))).toBe(true);
    }
  });
});
