export {
  loadOrBuildRetriever,
  createLexicalParts,
  loadLexicalParts,
  indexText,
  type LoadOrBuildOptions,
  type LexicalParts,
} from './index-cache.js';
export {
  createHybridRetriever,
  DEFAULT_WEIGHTS,
  type HybridWeights,
  type HybridRetrieverParts,
} from './hybrid-retriever.js';
export { Bm25Index, type WeightedTerm, type Bm25Hit } from './lexical/bm25-index.js';
export { HnswVectorIndex } from './vector/hnsw-vector-index.js';
export { createZhTokenizer } from './tokenize/zh-tokenizer.js';
export { createViTokenizer } from './tokenize/vi-tokenizer.js';
export type { Tokenizer } from './tokenize/tokenizer.js';
export { createQueryExpander, loadQueryExpander, type QueryExpander } from './expansion/query-expander.js';
export { fitLsa, type LsaState } from './embedders/lsa/fit-lsa.js';
export { createLsaEmbedder } from './embedders/lsa/lsa-embedder.js';
export type { Embedder } from './embedders/types.js';
// The LangChain adapter (langchain-retriever.ts) is exported from src/index.ts only: loading @langchain/core
// here cost every start of the bot about 0.6 s CPU, and the bot itself never uses it.
