import { describe, expect, it } from 'vitest';
import { trainTranslationTable } from '../../eval/train/translation-table.js';

describe('translation table trainer', () => {
  const pairs = [
    ...Array.from({ length: 4 }, () => ({ question: ['老板', '跑路'], article: ['用人单位', '应当', '工资'] })),
    ...Array.from({ length: 4 }, () => ({ question: ['怀孕', '辞退'], article: ['女职工', '应当', '孕期'] })),
    { question: ['老板'], article: ['应当'] },
  ];
  it('maps lay words to statute words that co-occur more than chance', () => {
    const table = trainTranslationTable(pairs, { minPairCount: 3, minPmi: 0.3 });
    expect(table['老板']?.map(([w]) => w)).toEqual(expect.arrayContaining(['用人单位', '工资']));
    expect(table['怀孕']?.map(([w]) => w)).toContain('女职工');
    expect(table['怀孕']?.map(([w]) => w)).not.toContain('工资');
  });
  it('never keeps a word every article has, and weights stay in (0, 1]', () => {
    const table = trainTranslationTable(pairs, { minPairCount: 3, minPmi: 0.3 });
    for (const row of Object.values(table)) {
      expect(row.map(([w]) => w)).not.toContain('应当');
      for (const [, weight] of row) expect(weight > 0 && weight <= 1).toBe(true);
    }
  });
  it('drops pairs seen fewer times than the minimum', () => {
    expect(trainTranslationTable(pairs, { minPairCount: 5 })).toEqual({});
  });
});

describe('article vocabulary trainer', () => {
  it('collects, per gold article, the words its questions used, most used first, capped', async () => {
    const { trainArticleTerms } = await import('../../eval/train/translation-table.js');
    const out = trainArticleTerms(
      [
        { question: ['没签', '合同', '#没签'], article: [], articleKey: '劳动合同法#82' },
        { question: ['没签', '二倍'], article: [], articleKey: '劳动合同法#82' },
        { question: ['没签'], article: [], articleKey: '劳动合同法#82' },
        { question: ['产假'], article: [], articleKey: undefined },
      ],
      { cap: 2, perArticle: 2 },
    );
    expect(out).toEqual({
      '劳动合同法#82': [
        ['没签', 2],
        ['二倍', 1],
      ],
    });
  });
});
