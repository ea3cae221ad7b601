import type { Embedder } from '../types.js';
import { normalize } from './dense-math.js';
import type { LsaState } from './fit-lsa.js';

/**
 * The embedded default embedder: projects a text's TF-IDF vector onto the
 * corpus-fitted latent dimensions. Offline and deterministic.
 */
export function createLsaEmbedder(state: LsaState, tokenize: (text: string) => string[]): Embedder {
  const termIndex = new Map(state.terms.map((t, i) => [t, i]));
  const k = state.dimension;

  function embed(text: string): Float32Array {
    const counts = new Map<number, number>();
    for (const t of tokenize(text)) {
      const id = termIndex.get(t);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const out = new Float32Array(k);
    for (const [id, tf] of counts) {
      const w = (1 + Math.log(tf)) * state.idf[id]!;
      const base = id * k;
      for (let j = 0; j < k; j += 1) out[j]! += w * state.projection[base + j]!;
    }
    return normalize(out);
  }

  return {
    name: `lsa-${k}@${state.vocabularyHash}`,
    dimension: k,
    async embedDocuments(texts) {
      return texts.map(embed);
    },
    async embedQuery(text) {
      return embed(text);
    },
  };
}
