import hnswlib from 'hnswlib-node';

/** A nearest-neighbour hit: the caller's item index and its cosine similarity. */
export interface VectorHit {
  readonly item: number;
  readonly similarity: number;
}

/**
 * Approximate nearest-neighbour search over unit vectors (hnswlib, cosine
 * space). Items are the caller's integer ids, so one index can hold a subset
 * (e.g. one jurisdiction) of the passages.
 */
export class HnswVectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimension: number,
    readonly count: number,
  ) {}

  /** Builds an index over `vectors`, labelled with `items` (same order). */
  static build(dimension: number, items: readonly number[], vectors: readonly Float32Array[]): HnswVectorIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    index.initIndex(Math.max(1, items.length), 16, 200, 100);
    items.forEach((item, i) => index.addPoint(Array.from(vectors[i]!), item));
    index.setEf(64);
    return new HnswVectorIndex(index, dimension, items.length);
  }

  /** Loads an index written by {@link save}. */
  static async load(path: string, dimension: number): Promise<HnswVectorIndex> {
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    await index.readIndex(path);
    index.setEf(64);
    return new HnswVectorIndex(index, dimension, index.getCurrentCount());
  }

  async save(path: string): Promise<void> {
    await this.index.writeIndex(path);
  }

  search(vector: Float32Array, k: number): VectorHit[] {
    if (this.count === 0) return [];
    const result = this.index.searchKnn(Array.from(vector), Math.min(k, this.count));
    return result.neighbors.map((item, i) => ({ item, similarity: 1 - result.distances[i]! }));
  }
}
