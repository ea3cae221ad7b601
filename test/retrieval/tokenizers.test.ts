import { loadDictionaries } from '../../src/knowledge/load-dict.js';
import { describe, expect, it } from 'vitest';
import { createViTokenizer } from '../../src/retrieval/tokenize/vi-tokenizer.js';
import { createZhTokenizer } from '../../src/retrieval/tokenize/zh-tokenizer.js';
import { createQueryExpander, loadQueryExpander } from '../../src/retrieval/expansion/query-expander.js';
import { loadExpansions } from '../../src/knowledge/load-expansions.js';

describe('Chinese tokenizer', () => {
  const zh = createZhTokenizer(loadDictionaries('knowledge'));
  it('keeps legal-dictionary terms whole and adds character bigrams', () => {
    const tokens = zh.tokenizeDocument('用人单位拖欠劳动报酬的');
    expect(tokens).toContain('劳动报酬');
    expect(tokens).toContain('用人单位');
    expect(tokens).toContain('#拖欠');
  });
  it('folds Traditional to Simplified', () => {
    expect(zh.tokenizeQuery('勞動報酬')).toEqual(zh.tokenizeQuery('劳动报酬'));
  });
  it('drops stop words and punctuation', () => {
    const tokens = zh.tokenizeQuery('请问，怎么办？');
    expect(tokens).not.toContain('请问');
    expect(tokens).not.toContain('，');
  });
});

describe('Vietnamese tokenizer', () => {
  const vi = createViTokenizer(loadDictionaries('knowledge'));
  it('indexes syllables and bigrams in accented and folded form', () => {
    const tokens = vi.tokenizeDocument('Công ty nợ lương');
    expect(tokens).toEqual(expect.arrayContaining(['lương', 'nợ_lương', '~luong', '~no_luong', '~cong_ty']));
  });
  it('lets a question without diacritics meet the accented text', () => {
    const doc = new Set(vi.tokenizeDocument('công ty nợ lương'));
    const query = vi.tokenizeQuery('cong ty no luong');
    expect(query.length).toBeGreaterThan(0);
    expect(query.every((t) => doc.has(t))).toBe(true);
  });
  it('uses both forms for a question with diacritics', () => {
    const query = vi.tokenizeQuery('nợ lương');
    expect(query).toContain('nợ_lương');
    expect(query).toContain('~no_luong');
  });
});

describe('query expansion', () => {
  const expander = loadQueryExpander('knowledge');
  it('maps colloquial Chinese to statute terms, in both scripts', () => {
    expect(expander.expand('老板不发工资', 'zh')).toContain('拖欠');
    expect(expander.expand('老闆不發工資', 'zh')).toContain('拖欠');
    expect(expander.expand('被炒了', 'zh')).toContain('解除劳动合同');
  });
  it('maps colloquial Vietnamese with and without diacritics', () => {
    expect(expander.expand('công ty nợ lương', 'vi')).toContain('trả lương');
    expect(expander.expand('cong ty no luong', 'vi')).toContain('trả lương');
    expect(expander.expand('bị đuổi việc', 'vi')).toContain('đơn phương chấm dứt hợp đồng lao động');
  });
  it('does not match inside unrelated words', () => {
    expect(expander.expand('hôm nay trời đẹp', 'vi')).toEqual([]);
  });
  it('expands the same from tables already loaded (createBot hands over those of loadKnowledgeDir)', () => {
    const fromTables = createQueryExpander(loadExpansions('knowledge'));
    expect(fromTables.expand('老板不发工资', 'zh')).toEqual(expander.expand('老板不发工资', 'zh'));
    expect(fromTables.expand('cong ty no luong', 'vi')).toEqual(expander.expand('cong ty no luong', 'vi'));
    expect(fromTables.expand('cong ty no luong', 'vi')).toContain('trả lương');
  });
});
