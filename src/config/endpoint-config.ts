/**
 * Connection settings of one OpenAI-compatible endpoint, as the chat client and the embedder take them;
 * src/config/llm-config.ts fills it from the environment.
 */
export interface EndpointConfig {
  readonly baseURL?: string;
  readonly apiKey: string;
  readonly model: string;
}
