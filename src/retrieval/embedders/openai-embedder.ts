import OpenAI from 'openai';
import type { EndpointConfig } from '../../config/endpoint-config.js';
import type { Embedder } from './types.js';

function normalize(values: ArrayLike<number>): Float32Array {
  const v = Float32Array.from(values);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i += 1) v[i]! /= norm;
  return v;
}

/**
 * Embeddings from an OpenAI-compatible endpoint (OpenAI, or bge-m3 served by
 * Ollama / vLLM). The vector dimension is learned from the first response;
 * the name records model and dimension so the index rebuilds when either changes.
 */
export async function createOpenAiEmbedder(
  endpoint: EndpointConfig & { readonly dimensions?: number },
  batchSize = 64,
): Promise<Embedder> {
  const client = new OpenAI({
    apiKey: endpoint.apiKey,
    ...(endpoint.baseURL ? { baseURL: endpoint.baseURL } : {}),
    maxRetries: 2,
    timeout: 60_000,
  });
  async function embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += batchSize) {
      const response = await client.embeddings.create({
        model: endpoint.model,
        input: texts.slice(i, i + batchSize).map((t) => (t.trim() === '' ? ' ' : t)),
        ...(endpoint.dimensions ? { dimensions: endpoint.dimensions } : {}),
      });
      const sorted = [...response.data].sort((a, b) => a.index - b.index);
      for (const item of sorted) out.push(normalize(item.embedding));
    }
    return out;
  }
  const probe = await embed(['dimension probe']);
  const dimension = probe[0]?.length ?? 0;
  if (dimension === 0) throw new Error(`Embedding endpoint returned no vector for model ${endpoint.model}`);
  return {
    name: `openai:${endpoint.model}@${dimension}`,
    dimension,
    embedDocuments: embed,
    async embedQuery(text) {
      return (await embed([text]))[0]!;
    },
  };
}
