import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/core/types.js';
import { articleKey, createArticleTerms, loadArticleTerms } from '../../src/retrieval/expansion/article-terms.js';

const passage = (title: string, law: string, article: number | undefined, language: 'zh' | 'vi' = 'zh'): Passage => ({
  id: `cn/x#${article}`,
  docId: 'cn/x',
  kind: 'article',
  jurisdiction: 'CN',
  language,
  law,
  title,
  ...(article === undefined ? {} : { article }),
  headings: [],
  text: '',
  clauses: [],
  inForce: true,
});

describe('learned article vocabulary', () => {
  it('keys a title the same way whether written in full, Traditional, quoted or dated', () => {
    expect(articleKey('中华人民共和国民法典', 54)).toBe('民法典#54');
    expect(articleKey('中華人民共和國勞動合同法（2012年修正）', 82)).toBe('劳动合同法#82');
    expect(articleKey('最高人民法院关于适用《民法典》有关担保制度的解释', 20)).toBe(
      articleKey('最高人民法院关于适用民法典有关担保制度的解释', 20),
    );
  });
  it('adds the learned words to the matching article only, repeated by count', () => {
    const terms = createArticleTerms({
      version: 1,
      tokenizer: 't',
      trainedOn: [],
      articles: {
        '劳动合同法#82': [
          ['没签', 2],
          ['二倍', 1],
        ],
      },
    });
    expect(terms.termsFor(passage('中华人民共和国劳动合同法', '劳动合同法', 82))).toEqual(['没签', '没签', '二倍']);
    expect(terms.termsFor(passage('中华人民共和国劳动合同法', '劳动合同法', 83))).toEqual([]);
    expect(terms.termsFor(passage('中华人民共和国劳动合同法', '劳动合同法', undefined))).toEqual([]);
    expect(terms.termsFor(passage('劳动合同法', '劳动合同法', 82, 'vi'))).toEqual([]);
  });
  it('is empty without a file and names the file when it is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-terms-'));
    expect(loadArticleTerms(dir).size).toBe(0);
    mkdirSync(join(dir, 'learned'));
    writeFileSync(
      join(dir, 'learned', 'zh-article-terms.json'),
      JSON.stringify({ version: 1, tokenizer: 't', trainedOn: [], articles: { 'a#1': [['x', 0]] } }),
    );
    expect(() => loadArticleTerms(dir)).toThrow(/zh-article-terms\.json/);
  });
  it('loads the committed table with a content hash (part of the index cache key)', () => {
    const committed = loadArticleTerms('knowledge');
    expect(committed.size).toBeGreaterThan(100);
    expect(committed.hash).not.toBe('none');
  });
});
