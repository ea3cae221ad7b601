import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiEmbedder } from '../../src/retrieval/embedders/openai-embedder.js';
import { FakeOpenAiServer } from '../helpers/fake-openai-server.js';

const server = new FakeOpenAiServer();
let baseURL = '';
beforeAll(async () => {
  baseURL = await server.start();
});
afterAll(() => server.stop());

describe('OpenAI-compatible embedder', () => {
  it('learns the dimension, names itself by model and dimension, returns unit vectors', async () => {
    const embedder = await createOpenAiEmbedder({ baseURL, apiKey: 'k', model: 'bge-m3', dimensions: 16 });
    expect(embedder.dimension).toBe(16);
    expect(embedder.name).toBe('openai:bge-m3@16');
    const [a, b] = await embedder.embedDocuments(['工资', '工资']);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
  });

  it('batches large inputs and keeps their order', async () => {
    const embedder = await createOpenAiEmbedder({ baseURL, apiKey: 'k', model: 'bge-m3' }, 3);
    server.requests.length = 0;
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'g'];
    const vectors = await embedder.embedDocuments(texts);
    expect(vectors).toHaveLength(7);
    expect(server.requests.filter((r) => r.path.endsWith('/embeddings'))).toHaveLength(3);
    expect(Array.from(vectors[6]!)).toEqual(Array.from(await embedder.embedQuery('g')));
  });
});
