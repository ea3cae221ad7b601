import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanSeedText } from '../../src/ingest/clean-seed-text.js';

describe('cleanSeedText', () => {
  it('strips pinyin annotations after Traditional characters', () => {
    expect(cleanSeedText('哪里有農(nóng)民工,哪里就有工會(huì)組織')).toBe('哪里有農民工,哪里就有工會組織');
  });

  it('keeps ordinary parentheses with Chinese inside', () => {
    expect(cleanSeedText('物流(快遞)業')).toBe('物流(快遞)業');
  });

  it('removes characters broken by an encoding round-trip', () => {
    const out = cleanSeedText('來源:工人日?qǐng)?bào)\n增強農民工對工會的認知,F(xiàn)轄區建筑');
    expect(out).not.toMatch(/[?()]/);
    expect(out).toContain('來源:工人日');
    expect(out).toContain('認知,轄區建筑');
  });

  it('drops page furniture and stops at the navigation after the article', () => {
    const out = cleanSeedText('正文第一段\n【字號 大 中 小】 | 打印 | 留言 |\n正文第二段\n(責編:某某)\n- 其他新闻');
    expect(out).toBe('正文第一段\n\n正文第二段');
  });

  it('cleans the real Traditional seed: no pinyin, no question marks, key terms kept', () => {
    const raw = readFileSync('knowledge/services/cn/seed-migrant-workers-join-union.md', 'utf8');
    expect(raw).toContain('農民工入會');
    expect(raw).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7}\)/);
    expect(raw).not.toContain('?');
  });
});
