import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DocLanguage, Jurisdiction, KnowledgeBase, Passage, Retriever } from '../core/types.js';
import { loadDictionaries, type TokenizerDictionaries } from '../knowledge/load-dict.js';
import { loadExpansions, type ExpansionTables } from '../knowledge/load-expansions.js';
import { createReferenceFinder } from '../citations/parse-references.js';
import { fitLsa, type FitLsaOptions } from './embedders/lsa/fit-lsa.js';
import { createLsaEmbedder } from './embedders/lsa/lsa-embedder.js';
import { loadLsaState, saveLsaState } from './embedders/lsa/lsa-state-file.js';
import type { Embedder } from './embedders/types.js';
import { loadArticleTerms, type ArticleTerms } from './expansion/article-terms.js';
import { loadLearnedExpander, type LearnedExpander } from './expansion/learned-expander.js';
import { createQueryExpander, type QueryExpander } from './expansion/query-expander.js';
import { documentTerms, encodeTokens, type EncodedTokens } from './lexical/encoded-tokens.js';
import { readEncodedTokens, writeEncodedTokens } from './lexical/encoded-tokens-file.js';
import { createHybridRetriever, type HybridWeights, type RetrievalConfidence } from './hybrid-retriever.js';
import { Bm25Index } from './lexical/bm25-index.js';
import type { Tokenizer } from './tokenize/tokenizer.js';
import { createViTokenizer } from './tokenize/vi-tokenizer.js';
import { createZhTokenizer } from './tokenize/zh-tokenizer.js';
import { HnswVectorIndex } from './vector/hnsw-vector-index.js';

/** Bump when the on-disk layout or the tokenization changes. */
const FORMAT = 'gonghui-index-v2';

/**
 * Above this many passages, `vectors: 'auto'` skips LSA + HNSW (build time and memory; BM25 with
 * expansion carries ranking).
 */
export const AUTO_VECTOR_MAX_PASSAGES = 20000;

export interface LoadOrBuildOptions {
  readonly kb: KnowledgeBase;
  /** Folder with dictionaries and expansion tables. @default 'knowledge' */
  readonly knowledgeDir?: string;
  /** Where the built index is kept. @default '.cache/index' */
  readonly cacheDir?: string;
  /** A remote embedder; without one, LSA vectors are fitted from the corpus. */
  readonly embedder?: Embedder;
  readonly onProgress?: (done: number, total: number) => void;
  readonly lsa?: FitLsaOptions;
  readonly weights?: Partial<HybridWeights>;
  /** How confidence is measured (the answer policy's coverageCap and vector agreement); defaults when absent. */
  readonly confidence?: RetrievalConfidence & { readonly coverageCap: number };
  /** Dense vectors: 'auto' = only up to {@link AUTO_VECTOR_MAX_PASSAGES} passages. @default 'auto' */
  readonly vectors?: 'auto' | 'on' | 'off';
  /** A learned expansion table to use instead of knowledge/learned (training and tuning scripts). */
  readonly learned?: LearnedExpander;
  /** Learned article vocabulary to use instead of knowledge/learned (training and tuning scripts). */
  readonly articleTerms?: ArticleTerms;
  /** Tokenizers and expansion table already loaded from `knowledgeDir` (shared with the card matcher). */
  readonly lexical?: LexicalParts;
}

/** The tokenizers and query expander the statute retriever and the card matcher share. */
export interface LexicalParts {
  readonly tokenizers: Readonly<Record<DocLanguage, Tokenizer>>;
  readonly expander: QueryExpander;
}

/** The tokenizers (jieba with the legal dictionary, Vietnamese syllables) and the query expander, built once. */
export function createLexicalParts(dict: TokenizerDictionaries, expansions: ExpansionTables): LexicalParts {
  return {
    tokenizers: { zh: createZhTokenizer(dict), vi: createViTokenizer(dict) },
    expander: createQueryExpander(expansions),
  };
}

/** {@link createLexicalParts} from the files of `knowledgeDir` (scripts and tests that have no loaded knowledge). */
export function loadLexicalParts(knowledgeDir: string): LexicalParts {
  return createLexicalParts(loadDictionaries(knowledgeDir), loadExpansions(knowledgeDir));
}

const metaSchema = z.object({
  format: z.string(),
  contentHash: z.string(),
  embedder: z.string(),
  tokenizers: z.string(),
  passages: z.number(),
  articleTerms: z.string(),
});

/** The text a passage is indexed under: citation title and caption count twice, as a field boost. */
export function indexText(p: Passage): string {
  const label = `${p.law} ${p.caption ?? ''}`;
  return `${label} ${label} ${p.headings.at(-1) ?? ''} ${p.text}`;
}

/** Tokenizes any text with the tokenizer of its script (the LSA vocabulary spans both languages). */
function anyTokenizer(tokenizers: Readonly<Record<DocLanguage, Tokenizer>>): (text: string) => string[] {
  return (text) => (/\p{Script=Han}/u.test(text) ? tokenizers.zh : tokenizers.vi).tokenizeDocument(text);
}

async function embedAll(
  embedder: Embedder,
  passages: readonly Passage[],
  report: (done: number) => void,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  const batch = 64;
  for (let i = 0; i < passages.length; i += batch) {
    out.push(...(await embedder.embedDocuments(passages.slice(i, i + batch).map(indexText))));
    report(Math.min(passages.length, i + batch));
  }
  return out;
}

function buildVectorIndexes(
  passages: readonly Passage[],
  vectors: readonly Float32Array[],
  dimension: number,
): Record<Jurisdiction, HnswVectorIndex> {
  const make = (j: Jurisdiction) => {
    const items = passages.flatMap((p, i) => (p.jurisdiction === j ? [i] : []));
    return HnswVectorIndex.build(
      dimension,
      items,
      items.map((i) => vectors[i]!),
    );
  };
  return { CN: make('CN'), VN: make('VN') };
}

/**
 * Loads the retrieval index from `cacheDir` when it was built from the same
 * knowledge (content hash), tokenizers and embedder; otherwise builds it
 * (tokenize, BM25, LSA fit or remote embeddings, HNSW) and saves it.
 */
export async function loadOrBuildRetriever(options: LoadOrBuildOptions): Promise<Retriever> {
  const knowledgeDir = options.knowledgeDir ?? 'knowledge';
  const cacheDir = options.cacheDir ?? '.cache/index';
  const { kb } = options;
  const { tokenizers, expander } = options.lexical ?? loadLexicalParts(knowledgeDir);
  const learned = options.learned ?? loadLearnedExpander(knowledgeDir);
  const articleTerms = options.articleTerms ?? loadArticleTerms(knowledgeDir);
  const findReferences = createReferenceFinder(kb.documents);
  const mode = options.vectors ?? 'auto';
  const withVectors = mode === 'on' || (mode === 'auto' && kb.passages.length <= AUTO_VECTOR_MAX_PASSAGES);
  const embedderKey = withVectors ? (options.embedder?.name ?? `lsa-${options.lsa?.dimension ?? 128}`) : 'none';
  const meta = {
    format: FORMAT,
    contentHash: kb.contentHash,
    embedder: embedderKey,
    tokenizers: `${tokenizers.zh.name}+${tokenizers.vi.name}`,
    passages: kb.passages.length,
    articleTerms: articleTerms.hash,
  };
  const metaPath = join(cacheDir, 'meta.json');
  const assemble = (
    tokens: EncodedTokens,
    embedder: Embedder | undefined,
    vectors: Record<Jurisdiction, HnswVectorIndex> | undefined,
  ) =>
    createHybridRetriever({
      passages: kb.passages,
      tokenizers,
      expander,
      learned,
      bm25: new Bm25Index(tokens, options.confidence ? { coverageCap: options.confidence.coverageCap } : {}),
      docTerms: (doc) => documentTerms(tokens, doc),
      vectors,
      embedder,
      findReferences,
      ...(options.weights ? { weights: options.weights } : {}),
      ...(options.confidence ? { confidence: options.confidence } : {}),
    });

  if (existsSync(metaPath)) {
    try {
      const cached = metaSchema.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
      if (JSON.stringify(cached) === JSON.stringify(meta)) {
        const tokens = readEncodedTokens(cacheDir);
        if (tokens.docOffsets.length === kb.passages.length + 1) {
          if (!withVectors) return assemble(tokens, undefined, undefined);
          const embedder = options.embedder ?? createLsaEmbedder(loadLsaState(cacheDir), anyTokenizer(tokenizers));
          const vectors = {
            CN: await HnswVectorIndex.load(join(cacheDir, 'hnsw-CN.bin'), embedder.dimension),
            VN: await HnswVectorIndex.load(join(cacheDir, 'hnsw-VN.bin'), embedder.dimension),
          };
          return assemble(tokens, embedder, vectors);
        }
      }
    } catch {
      // A damaged or partial cache is rebuilt below.
    }
  }

  const total = kb.passages.length * (withVectors ? 2 : 1);
  options.onProgress?.(0, total);
  const tokenLists = kb.passages.map((p, i) => {
    if (i % 200 === 0) options.onProgress?.(i, total);
    return [...tokenizers[p.language].tokenizeDocument(indexText(p)), ...articleTerms.termsFor(p)];
  });
  options.onProgress?.(kb.passages.length, total);
  const tokens = encodeTokens(tokenLists);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  let embedder: Embedder | undefined;
  let vectors: Record<Jurisdiction, HnswVectorIndex> | undefined;
  if (withVectors) {
    embedder = options.embedder;
    if (!embedder) {
      const state = fitLsa(tokenLists, options.lsa);
      saveLsaState(cacheDir, state);
      embedder = createLsaEmbedder(state, anyTokenizer(tokenizers));
    }
    const vectorList = await embedAll(embedder, kb.passages, (done) =>
      options.onProgress?.(kb.passages.length + done, total),
    );
    vectors = buildVectorIndexes(kb.passages, vectorList, embedder.dimension);
    await vectors.CN.save(join(cacheDir, 'hnsw-CN.bin'));
    await vectors.VN.save(join(cacheDir, 'hnsw-VN.bin'));
  }
  writeEncodedTokens(cacheDir, tokens);
  // meta.json last: its presence marks a complete cache.
  writeFileSync(metaPath, JSON.stringify(meta));
  options.onProgress?.(total, total);
  return assemble(tokens, embedder, vectors);
}
