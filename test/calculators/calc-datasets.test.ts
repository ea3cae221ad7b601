import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALC_KINDS } from '../../src/calculators/types.js';

/** Record format of eval/datasets/calc-{dev,test}.jsonl (the generic checker skips calc-* files). */
const calcCaseSchema = z.strictObject({
  id: z.string().regex(/^calc-(dev|test)-(zh|zht|vi)-\d{3}$/),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  question: z.string().min(4).max(300),
  topic: z.literal('calculation'),
  expect_kind: z.enum(CALC_KINDS),
  /** Hand-computed from the article text: an amount, a count, or an ISO date. */
  expect_number: z.union([z.number(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  split: z.enum(['dev', 'test']),
  notes: z.string().min(3),
});

function read(file: string) {
  return readFileSync(`eval/datasets/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => calcCaseSchema.parse(JSON.parse(l)));
}

describe('calculator eval datasets', () => {
  const dev = read('calc-dev.jsonl');
  const test = read('calc-test.jsonl');
  const all = [...dev, ...test];

  it('has at least 60 cases over three scripts and both jurisdictions', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['zh-Hans', 'zh-Hant', 'vi'] as const)
      expect(all.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((c) => c.expect_kind.slice(0, 2)))).toEqual(new Set(['cn', 'vn']));
  });

  it('follows the split rule fixed before the first run: every third case (by number) is test', () => {
    for (const c of dev) expect([c.split, Number(c.id.slice(-3)) % 3 !== 0]).toEqual(['dev', true]);
    for (const c of test) expect([c.split, Number(c.id.slice(-3)) % 3]).toEqual(['test', 0]);
  });

  it('has unique ids and questions, and kinds match the jurisdiction of the script', () => {
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.question)).size).toBe(all.length);
    for (const c of all) expect(c.expect_kind.startsWith(c.lang === 'vi' ? 'vn_' : 'cn_')).toBe(true);
  });
});
