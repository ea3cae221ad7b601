import { describe, expect, it } from 'vitest';
import { loadLlmConfig } from '../../src/config/llm-config.js';

describe('loadLlmConfig', () => {
  it('is off when nothing is configured (the embedded default)', () => {
    const c = loadLlmConfig({});
    expect(c.llm).toBeUndefined();
    expect(c.embedding).toBeUndefined();
    expect(c.deadlineMs).toBe(8000);
  });

  it('reads a local OpenAI-compatible server without a key', () => {
    const c = loadLlmConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5:7b' });
    expect(c.llm).toMatchObject({ baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', apiKey: 'not-needed' });
  });

  it('shares the base URL and key with embeddings unless they are set apart', () => {
    const c = loadLlmConfig({
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
      OPENAI_API_KEY: 'k',
      LLM_MODEL: 'm',
      EMBEDDING_MODEL: 'bge-m3',
    });
    expect(c.embedding).toMatchObject({ baseURL: 'http://127.0.0.1:8000/v1', apiKey: 'k', model: 'bge-m3' });
  });

  it('fails fast naming the variable', () => {
    expect(() => loadLlmConfig({ OPENAI_BASE_URL: 'not a url', LLM_MODEL: 'm' })).toThrow(/OPENAI_BASE_URL/);
    expect(() => loadLlmConfig({ LLM_MODEL: 'm' })).toThrow(/OPENAI_API_KEY/);
    expect(() => loadLlmConfig({ OPENAI_API_KEY: 'k' })).toThrow(/LLM_MODEL/);
    expect(() => loadLlmConfig({ LLM_MODEL: 'm', OPENAI_API_KEY: 'k', LLM_DEADLINE_MS: 'soon' })).toThrow(
      /LLM_DEADLINE_MS/,
    );
  });
});
