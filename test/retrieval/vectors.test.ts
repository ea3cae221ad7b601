import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitLsa } from '../../src/retrieval/embedders/lsa/fit-lsa.js';
import { createLsaEmbedder } from '../../src/retrieval/embedders/lsa/lsa-embedder.js';
import { loadLsaState, saveLsaState } from '../../src/retrieval/embedders/lsa/lsa-state-file.js';
import { HnswVectorIndex } from '../../src/retrieval/vector/hnsw-vector-index.js';

// Two topics that share no words with each other but co-occur within the topic.
const corpus = [
  'wage arrears unpaid salary employer pay',
  'unpaid salary wage late pay',
  'employer pay wage salary arrears',
  'maternity leave pregnancy birth days',
  'pregnancy maternity birth leave mother',
  'leave mother birth maternity days',
];
const tokenize = (t: string) => t.split(' ');

describe('LSA embedder', () => {
  const state = fitLsa(corpus.map(tokenize), { dimension: 2, seed: 1 });
  const embedder = createLsaEmbedder(state, tokenize);
  const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

  it('is deterministic for the same corpus and seed', () => {
    const again = fitLsa(corpus.map(tokenize), { dimension: 2, seed: 1 });
    expect(Array.from(again.projection)).toEqual(Array.from(state.projection));
    expect(embedder.name).toBe(`lsa-2@${state.vocabularyHash}`);
  });

  it('puts texts about the same topic closer than texts about different topics', async () => {
    const [wage, salary, maternity] = await embedder.embedDocuments(['wage arrears', 'salary pay', 'maternity birth']);
    expect(cos(wage!, salary!)).toBeGreaterThan(cos(wage!, maternity!));
  });

  it('returns unit vectors, and a zero vector for unknown words', async () => {
    const v = await embedder.embedQuery('wage salary');
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(Math.hypot(...(await embedder.embedQuery('zzz')))).toBe(0);
  });

  it('survives a save/load round trip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsa-'));
    saveLsaState(dir, state);
    const loaded = loadLsaState(dir);
    expect(loaded.terms).toEqual(state.terms);
    expect(Array.from(loaded.projection)).toEqual(Array.from(state.projection));
  });
});

describe('HnswVectorIndex', () => {
  const vectors = [new Float32Array([1, 0, 0]), new Float32Array([0, 1, 0]), new Float32Array([0.9, 0.1, 0])];
  it('finds nearest neighbours by cosine, labelled with the caller ids', () => {
    const index = HnswVectorIndex.build(3, [10, 20, 30], vectors);
    const hits = index.search(new Float32Array([1, 0, 0]), 2);
    expect(hits.map((h) => h.item)).toEqual([10, 30]);
    expect(hits[0]?.similarity).toBeCloseTo(1);
  });
  it('saves and loads', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hnsw-')), 'i.bin');
    await HnswVectorIndex.build(3, [10, 20, 30], vectors).save(path);
    const loaded = await HnswVectorIndex.load(path, 3);
    expect(loaded.count).toBe(3);
    expect(loaded.search(new Float32Array([0, 1, 0]), 1)[0]?.item).toBe(20);
  });
});
