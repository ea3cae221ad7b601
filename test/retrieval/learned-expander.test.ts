import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLearnedExpander, loadLearnedExpander } from '../../src/retrieval/expansion/learned-expander.js';

const table = {
  version: 1 as const,
  tokenizer: 'zh-jieba-bigram-v1',
  trainedOn: [{ source: 'test', pairs: 3 }],
  entries: {
    老板: [
      ['用人单位', 0.8],
      ['工资', 0.3],
    ] as [string, number][],
    拖欠: [
      ['工资', 0.9],
      ['支付', 0.5],
    ] as [string, number][],
  },
};

describe('learned expander', () => {
  const expander = createLearnedExpander(table);
  it('adds statute words for lay words, summing evidence and capping at 1', () => {
    const out = expander.expand(['老板', '拖欠'], 10);
    expect(out[0]).toEqual({ term: '工资', weight: 1 });
    expect(out.map((t) => t.term)).toEqual(['工资', '用人单位', '支付']);
  });
  it('never re-adds a word the question already has, and respects the limit', () => {
    expect(expander.expand(['老板', '用人单位'], 10).map((t) => t.term)).toEqual(['工资']);
    expect(expander.expand(['老板', '拖欠'], 1)).toHaveLength(1);
  });
  it('is empty without a table file, and names the file when it is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'learned-'));
    expect(loadLearnedExpander(dir).size).toBe(0);
    mkdirSync(join(dir, 'learned'));
    writeFileSync(
      join(dir, 'learned', 'zh-translation.json'),
      JSON.stringify({ ...table, entries: { 老板: [['用人单位', 7]] } }),
    );
    expect(() => loadLearnedExpander(dir)).toThrow(/zh-translation\.json/);
  });
  it('loads the committed table', () => {
    expect(loadLearnedExpander('knowledge').size).toBeGreaterThan(100);
  });
});
