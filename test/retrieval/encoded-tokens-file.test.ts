import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentTerms, encodeTokens } from '../../src/retrieval/lexical/encoded-tokens.js';
import { readEncodedTokens, writeEncodedTokens } from '../../src/retrieval/lexical/encoded-tokens-file.js';

describe('encoded token cache', () => {
  const docs = [['工资', '拖欠'], [], ['工资', '加班', '工资']];
  it('round-trips a corpus through disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    writeEncodedTokens(dir, encodeTokens(docs));
    const back = readEncodedTokens(dir);
    expect(docs.map((_, d) => documentTerms(back, d))).toEqual(docs);
  });
  it('rejects damaged files instead of loading garbage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    writeEncodedTokens(dir, encodeTokens(docs));
    writeFileSync(join(dir, 'term-ids.i32'), Buffer.from([1, 2, 3]));
    expect(() => readEncodedTokens(dir)).toThrow(/int32/);
    writeFileSync(join(dir, 'term-ids.i32'), Buffer.from(new Int32Array([0, 1, 0, 99, 0]).buffer));
    expect(() => readEncodedTokens(dir)).toThrow(/out of range/);
  });
});
