import { z } from 'zod';
import type { EndpointConfig } from './endpoint-config.js';
import { ConfigError, definedEnv, parseEnv } from './config-error.js';

const optionalUrl = z.url().optional();

const llmEnvSchema = z.object({
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  /** Longest a worker waits for a drafted answer before the extractive one is sent. */
  LLM_DEADLINE_MS: z.coerce.number().int().min(500).max(60_000).default(8000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
  /** Consecutive failures that open the circuit breaker. */
  LLM_CIRCUIT_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
  /** How long the breaker stays open before one trial call. */
  LLM_CIRCUIT_COOLDOWN_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  EMBEDDING_BASE_URL: optionalUrl,
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  EMBEDDING_MODEL: z.string().min(1).optional(),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(8).max(8192).optional(),
});

export interface LlmConfig {
  /** Chat model for drafting and follow-up rewriting; undefined = extractive answers only. */
  readonly llm?: EndpointConfig & { readonly temperature: number };
  /** Embeddings model; undefined = the corpus-fitted offline vectors. */
  readonly embedding?: EndpointConfig & { readonly dimensions?: number };
  readonly deadlineMs: number;
  readonly maxRetries: number;
  readonly circuitFailures: number;
  readonly circuitCooldownMs: number;
}

// Local servers (Ollama, vLLM) accept any key; the SDK still wants one.
const LOCAL_PLACEHOLDER_KEY = 'not-needed';

/**
 * Reads the LLM and embedding endpoints from the environment. Nothing set:
 * the embedded offline default. Half set: fails fast, naming the variable.
 */
export function loadLlmConfig(env: Record<string, string | undefined>): LlmConfig {
  const e = parseEnv(llmEnvSchema, definedEnv(env));
  const endpoint = (
    model: string | undefined,
    baseURL: string | undefined,
    apiKey: string | undefined,
    prefix: string,
  ) => {
    if (!model) return undefined;
    if (!baseURL && !apiKey) {
      const [key, url, modelVar] =
        prefix === 'LLM'
          ? ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LLM_MODEL']
          : ['EMBEDDING_API_KEY', 'EMBEDDING_BASE_URL', 'EMBEDDING_MODEL'];
      throw new ConfigError(`${key} (or ${url}) must be set when ${modelVar} is set`, key);
    }
    return { ...(baseURL ? { baseURL } : {}), apiKey: apiKey ?? LOCAL_PLACEHOLDER_KEY, model };
  };
  const llm = endpoint(e.LLM_MODEL, e.OPENAI_BASE_URL, e.OPENAI_API_KEY, 'LLM');
  if (!e.LLM_MODEL && (e.OPENAI_BASE_URL || e.OPENAI_API_KEY) && !e.EMBEDDING_MODEL) {
    throw new ConfigError('LLM_MODEL must be set when OPENAI_BASE_URL or OPENAI_API_KEY is set', 'LLM_MODEL');
  }
  const embedding = endpoint(
    e.EMBEDDING_MODEL,
    e.EMBEDDING_BASE_URL ?? e.OPENAI_BASE_URL,
    e.EMBEDDING_API_KEY ?? e.OPENAI_API_KEY,
    'EMBEDDING',
  );
  return {
    ...(llm ? { llm: { ...llm, temperature: e.LLM_TEMPERATURE } } : {}),
    ...(embedding
      ? { embedding: { ...embedding, ...(e.EMBEDDING_DIMENSIONS ? { dimensions: e.EMBEDDING_DIMENSIONS } : {}) } }
      : {}),
    deadlineMs: e.LLM_DEADLINE_MS,
    maxRetries: e.LLM_MAX_RETRIES,
    circuitFailures: e.LLM_CIRCUIT_FAILURES,
    circuitCooldownMs: e.LLM_CIRCUIT_COOLDOWN_MS,
  };
}
