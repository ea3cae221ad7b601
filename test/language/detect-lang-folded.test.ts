import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/language/detect-lang.js';

describe('detectLang: short Vietnamese without diacritics', () => {
  it.each(['quan doc tat em', 'em chan song lam roi', 'gap nguoi that', 'sep sam so em', 'chong em bi dien giat'])(
    '%s -> vi',
    (text) => {
      expect(detectLang(text).lang).toBe('vi');
    },
  );

  it('still leaves English and other Latin text undetected', () => {
    for (const text of [
      'hello, what is the weather',
      'please call me back tomorrow',
      'ok thanks',
      'where is the station',
    ]) {
      expect(detectLang(text).lang, text).toBeNull();
    }
  });

  it('picks the language of most of a mixed message', () => {
    expect(detectLang('quan doc 打我 roi em phai lam sao bay gio').lang).toBe('vi');
    expect(detectLang('我们厂的quan doc打了我，现在头还很疼').lang).toBe('zh-Hans');
  });
});
