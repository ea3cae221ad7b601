import { describe, expect, it } from 'vitest';
import { resolveJurisdiction } from '../../src/answer/resolve-jurisdiction.js';

describe('resolveJurisdiction', () => {
  it('follows the language by default', () => {
    expect(resolveJurisdiction('老板不发工资', 'zh-Hans')).toBe('CN');
    expect(resolveJurisdiction('老闆不發工資', 'zh-Hant')).toBe('CN');
    expect(resolveJurisdiction('công ty nợ lương', 'vi')).toBe('VN');
  });
  it('honours an explicit place', () => {
    expect(resolveJurisdiction('我在越南的工厂上班，老板不发工资', 'zh-Hans')).toBe('VN');
    expect(resolveJurisdiction('tôi làm việc ở Trung Quốc, công ty nợ lương', 'vi')).toBe('CN');
  });
});
