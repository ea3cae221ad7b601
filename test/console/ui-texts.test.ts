import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { langFromAcceptLanguage, loadUiTexts, UI_LANGS } from '../../src/console/ui-texts.js';

describe('console interface texts', () => {
  it('has every string in zh-Hans, zh-Hant, vi and en', () => {
    const texts = loadUiTexts('knowledge');
    for (const lang of UI_LANGS) expect(texts.forLang(lang)('ticket_title', { id: 'T1' })).toContain('T1');
    expect(texts.forLang('zh-Hant')('nav_queue')).toBe('案件佇列');
    expect(() => texts.forLang('en')('no_such_key')).toThrow(/not defined/);
  });

  it('refuses a file where a language lacks a key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ui-texts-'));
    cpSync('knowledge/console', join(dir, 'console'), { recursive: true });
    const file = join(dir, 'console', 'ui.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
    delete data.vi!.claim;
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadUiTexts(dir)).toThrow(/vi lacks claim/);
  });

  it('picks the sign-in page language from the browser', () => {
    expect(langFromAcceptLanguage('zh-TW,zh;q=0.9')).toBe('zh-Hant');
    expect(langFromAcceptLanguage('zh-CN,zh;q=0.9')).toBe('zh-Hans');
    expect(langFromAcceptLanguage('vi-VN,vi;q=0.9,en;q=0.5')).toBe('vi');
    expect(langFromAcceptLanguage('en-GB')).toBe('en');
    expect(langFromAcceptLanguage('fr-FR')).toBe('zh-Hans');
    expect(langFromAcceptLanguage(undefined)).toBe('zh-Hans');
  });
});
