import { createHash } from 'node:crypto';
import { gaussian, orthonormalizeColumns, seededRandom, symmetricEigen } from './dense-math.js';

/** The fitted LSA model: everything needed to embed new text, serialisable for the index cache. */
export interface LsaState {
  readonly dimension: number;
  /** Vocabulary, index = term id. */
  readonly terms: readonly string[];
  readonly idf: Float32Array;
  /** terms × dimension, row-major: a term's contribution to each latent dimension. */
  readonly projection: Float32Array;
  /** Short hash of the vocabulary, part of the embedder name. */
  readonly vocabularyHash: string;
}

export interface FitLsaOptions {
  /** Latent dimensions. @default 128 */
  readonly dimension?: number;
  /** Most frequent terms kept (by document frequency). @default 40000 */
  readonly maxVocabulary?: number;
  /** Power iterations of the randomized SVD (more = more accurate, slower). @default 2 */
  readonly powerIterations?: number;
  readonly seed?: number;
}

interface Csr {
  rowPtr: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
  rows: number;
}

function buildTfidf(docs: readonly (readonly string[])[], termIndex: Map<string, number>, idf: Float32Array): Csr {
  const rowPtr = new Int32Array(docs.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  docs.forEach((tokens, r) => {
    const counts = new Map<number, number>();
    for (const t of tokens) {
      const id = termIndex.get(t);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let norm = 0;
    const row: [number, number][] = [];
    for (const [id, tf] of counts) {
      const w = (1 + Math.log(tf)) * idf[id]!;
      row.push([id, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, w] of row) {
      cols.push(id);
      vals.push(w / norm);
    }
    rowPtr[r + 1] = cols.length;
  });
  return { rowPtr, cols: Int32Array.from(cols), vals: Float64Array.from(vals), rows: docs.length };
}

/** Y (rows×l, column-major) = A · M, with M given row-major terms×l. */
function multiplyA(a: Csr, m: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r += 1) {
    for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p += 1) {
      const base = a.cols[p]! * l;
      const v = a.vals[p]!;
      for (let j = 0; j < l; j += 1) y[j * a.rows + r]! += v * m[base + j]!;
    }
  }
  return y;
}

/** Z (terms×l, row-major) = Aᵀ · Q, with Q column-major rows×l. */
function multiplyAt(a: Csr, q: Float64Array, l: number, terms: number): Float64Array {
  const z = new Float64Array(terms * l);
  for (let r = 0; r < a.rows; r += 1) {
    for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p += 1) {
      const base = a.cols[p]! * l;
      const v = a.vals[p]!;
      for (let j = 0; j < l; j += 1) z[base + j]! += v * q[j * a.rows + r]!;
    }
  }
  return z;
}

/**
 * Fits latent semantic vectors from the corpus itself (TF-IDF, then a
 * randomized truncated SVD). No model download: the vectors capture which
 * terms co-occur in these statutes, so a question can meet an article that
 * shares few exact words with it.
 */
export function fitLsa(docs: readonly (readonly string[])[], options: FitLsaOptions = {}): LsaState {
  const k = options.dimension ?? 128;
  const l = k + 8;
  const n = docs.length;
  const df = new Map<string, number>();
  for (const tokens of docs) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  // Terms seen in one document only carry no co-occurrence signal; very common ones carry little.
  const kept = [...df.entries()]
    .filter(([, d]) => d >= 2 && d <= n * 0.5)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, options.maxVocabulary ?? 40_000);
  const terms = kept.map(([t]) => t);
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  const idf = Float32Array.from(kept.map(([, d]) => Math.log((n + 1) / (d + 1)) + 1));
  const a = buildTfidf(docs, termIndex, idf);
  const v = terms.length;

  const random = seededRandom(options.seed ?? 20251123);
  const omega = new Float64Array(v * l);
  for (let i = 0; i < omega.length; i += 1) omega[i] = gaussian(random);
  let q = multiplyA(a, omega, l);
  orthonormalizeColumns(q, n, l);
  for (let it = 0; it < (options.powerIterations ?? 2); it += 1) {
    q = multiplyA(a, multiplyAt(a, q, l, v), l);
    orthonormalizeColumns(q, n, l);
  }
  // Bᵀ = Aᵀ Q (terms×l); C = Qᵀ (A Bᵀ) is the small l×l matrix whose eigenvectors rotate Q onto the singular vectors.
  const bt = multiplyAt(a, q, l, v);
  const abt = multiplyA(a, bt, l);
  const c = new Float64Array(l * l);
  for (let i = 0; i < l; i += 1) {
    for (let j = i; j < l; j += 1) {
      let s = 0;
      for (let r = 0; r < n; r += 1) s += q[i * n + r]! * abt[j * n + r]!;
      c[i * l + j] = s;
      c[j * l + i] = s;
    }
  }
  const { values, vectors } = symmetricEigen(c, l);
  const projection = new Float32Array(v * k);
  for (let t = 0; t < v; t += 1) {
    for (let j = 0; j < k; j += 1) {
      const sigma = Math.sqrt(Math.max(values[j]!, 1e-12));
      let s = 0;
      for (let i = 0; i < l; i += 1) s += bt[t * l + i]! * vectors[i * l + j]!;
      projection[t * k + j] = s / sigma;
    }
  }
  const vocabularyHash = createHash('sha256').update(terms.join('\n')).digest('hex').slice(0, 12);
  return { dimension: k, terms, idf, projection, vocabularyHash };
}
