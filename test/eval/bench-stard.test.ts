import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Passage } from '../../src/core/types.js';
import { bucketOf, isTuningDev, splitOf } from '../../eval/bench/split.js';
import { loadStard, parseStardRef, resolveStard, scoreRanking } from '../../eval/bench/stard.js';

const doc = (docId: string, law: string, title: string): DocumentMeta => ({
  docId,
  jurisdiction: 'CN',
  language: 'zh',
  kind: 'statute',
  law,
  title,
  aliases: [],
  inForce: true,
});
const art = (docId: string, article: number): Passage => ({
  id: `${docId}#${article}`,
  docId,
  kind: 'article',
  jurisdiction: 'CN',
  language: 'zh',
  law: 'x',
  title: 'x',
  article,
  headings: [],
  text: 't',
  clauses: [],
  inForce: true,
});
// The Civil Code as the corpus has it: one file per part, the Code's own numbering.
const kb = {
  documents: [
    doc('cn/all-0', '总则', '中华人民共和国民法典'),
    doc('cn/all-1', '合同编', '中华人民共和国民法典'),
    doc('cn/all-2', '劳动合同法', '中华人民共和国劳动合同法'),
  ],
  passages: [art('cn/all-0', 54), art('cn/all-1', 577), art('cn/all-2', 82)],
};

describe('STARD bench', () => {
  it('parses STARD refs', () => {
    expect(parseStardRef('中华人民共和国民法典第五十四条')).toEqual({ law: '中华人民共和国民法典', article: 54 });
    expect(parseStardRef('最高人民法院关于适用《民法典》有关担保制度的解释第二十条')).toEqual({
      law: '最高人民法院关于适用《民法典》有关担保制度的解释',
      article: 20,
    });
    expect(parseStardRef('没有条号')).toBeUndefined();
  });

  it('splits by a fixed hash of the id, about 30% test, with a tuning slice inside train', () => {
    expect(splitOf('stard-0')).toBe(splitOf('stard-0'));
    const ids = Array.from({ length: 2000 }, (_, i) => `stard-${i}`);
    const test = ids.filter((id) => splitOf(id) === 'test').length / ids.length;
    expect(test).toBeGreaterThan(0.27);
    expect(test).toBeLessThan(0.33);
    expect(ids.filter(isTuningDev).every((id) => splitOf(id) === 'train' && bucketOf(id) < 45)).toBe(true);
  });

  it('resolves Civil Code articles in any part; "all" drops questions with a gold article outside the corpus', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stard-')), 'q.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a', question: '合同违约怎么办', gold: [{ ref: '中华人民共和国民法典第五百七十七条', text: '...' }] },
        {
          id: 'b',
          question: '没签合同',
          gold: [
            { ref: '劳动合同法第八十二条', text: '...' },
            { ref: '刑法第一条', text: '...' },
          ],
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const questions = loadStard(file);
    expect(resolveStard(questions, kb, 'any').map((q) => [q.id, [...q.gold]])).toEqual([
      ['a', ['cn/all-1#577']],
      ['b', ['cn/all-2#82']],
    ]);
    expect(resolveStard(questions, kb, 'all').map((q) => q.id)).toEqual(['a']);
  });

  it('rejects a malformed line with its line number', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stard-')), 'q.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', question: 'q', gold: [] })}\n`);
    expect(() => loadStard(file)).toThrow(/q\.jsonl:1/);
  });

  it('scores hit@k on any gold article and MRR@10 on the first', async () => {
    const questions = [
      { id: '1', text: 'one', gold: new Set(['x', 'y']) },
      { id: '2', text: 'two', gold: new Set(['z']) },
    ];
    const lists: Record<string, string[]> = {
      one: ['a', 'y', 'x'],
      two: [...Array.from({ length: 20 }, (_, i) => `n${i}`), 'z'],
    };
    const s = await scoreRanking(questions, (text) => lists[text]!);
    expect([s.recallAt1, s.recallAt5, s.recallAt10, s.recallAt100]).toEqual([0, 0.5, 0.5, 1]);
    expect(s.mrrAt10).toBe(0.25);
  });
});
