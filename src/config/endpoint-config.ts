/**
 * Connection settings of one OpenAI-compatible endpoint. Defined beside its
 * consumers (chat client, embedder); src/config/llm-config.ts fills it from the
 * environment, so the provider and retrieval code do not import the config.
 */
export interface EndpointConfig {
  readonly baseURL?: string;
  readonly apiKey: string;
  readonly model: string;
}
