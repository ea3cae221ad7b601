/**
 * Turns texts into dense vectors for the vector half of hybrid retrieval.
 * Implementations: a corpus-fitted offline embedder (the embedded default)
 * and an OpenAI-compatible embeddings endpoint.
 */
export interface Embedder {
  /**
   * Identifies the model and its settings. The vector index records it and is
   * rebuilt when it changes. e.g. `lsa-256@<vocab-hash>`, `openai:bge-m3`.
   */
  readonly name: string;
  /** Length of every vector this embedder returns. */
  readonly dimension: number;
  /** Vectors for knowledge passages, in input order. */
  embedDocuments(texts: readonly string[]): Promise<Float32Array[]>;
  /** Vector for one question. */
  embedQuery(text: string): Promise<Float32Array>;
}
