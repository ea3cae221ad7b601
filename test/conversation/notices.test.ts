import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNotices, NOTICE_KEYS } from '../../src/conversation/notices.js';
import { toSimplified, toTraditional } from '../../src/language/script.js';

const raw = JSON.parse(readFileSync('knowledge/conversation/notices.json', 'utf8')) as Record<
  'zh-Hans' | 'zh-Hant' | 'vi',
  Record<string, string>
>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('conversation notices', () => {
  it('uses the same placeholders in every language', () => {
    for (const key of NOTICE_KEYS) {
      expect(placeholders(raw['zh-Hant'][key]!), key).toEqual(placeholders(raw['zh-Hans'][key]!));
      // Vietnamese notices name the Vietnamese emergency number where Chinese ones name the union hotline.
      expect(
        placeholders(raw.vi[key]!).map((p) => (p === 'emergency' ? 'union_hotline' : p)),
        key,
      ).toEqual(placeholders(raw['zh-Hans'][key]!));
    }
  });

  it('keeps each Chinese set in its own script', () => {
    for (const key of NOTICE_KEYS) {
      expect(toSimplified(raw['zh-Hans'][key]!), key).toBe(raw['zh-Hans'][key]);
      expect(toTraditional(raw['zh-Hant'][key]!), key).toBe(raw['zh-Hant'][key]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const notices = loadNotices('knowledge');
    expect(notices('ticket_opened', 'zh-Hans', { ticket: 'T20250101-ABCDEF' })).toContain('T20250101-ABCDEF');
    expect(notices('ticket_opened', 'vi')).toContain('{ticket}');
    expect(notices('staff_reply', 'vi', { text: 'Xin chào' })).toBe('[Cán bộ công đoàn] Xin chào');
  });
});
