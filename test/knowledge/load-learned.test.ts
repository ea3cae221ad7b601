import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLearned } from '../../src/knowledge/load-learned.js';
import { tempKnowledge } from './helpers.js';

describe('loadLearned', () => {
  it('has neither table when the files are absent', () => {
    expect(loadLearned(tempKnowledge('learned-none').dir)).toEqual({});
  });

  it('hashes the article-terms text (part of the index cache key)', () => {
    const raw = readFileSync('knowledge/learned/zh-article-terms.json', 'utf8');
    const expected = createHash('sha256').update(raw).digest('hex').slice(0, 16);
    expect(loadLearned('knowledge').articleTerms?.hash).toBe(expected);
  });

  it('names the entry of a weight out of range', () => {
    const { dir, write } = tempKnowledge('learned-bad');
    write('learned/zh-translation.json', { version: 1, tokenizer: 't', trainedOn: [], entries: { 工资: [['劳动报酬', 2]] } });
    expect(() => loadLearned(dir)).toThrow(/zh-translation\.json: entries\["工资"\]\[0\]\[1\]: /);
  });
});
