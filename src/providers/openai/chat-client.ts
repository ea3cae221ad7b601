import OpenAI from 'openai';
import type { EndpointConfig } from '../../config/endpoint-config.js';
import type { CircuitBreaker } from './circuit-breaker.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export type ChatResult =
  | { readonly ok: true; readonly content: string }
  | { readonly ok: false; readonly reason: 'circuit_open' | 'timeout' | 'http_error'; readonly detail: string };

/** One JSON-mode chat completion against an OpenAI-compatible endpoint. */
export interface ChatClient {
  readonly model: string;
  /** Resolves by `deadline` (epoch ms) at the latest; never throws. */
  complete(messages: readonly ChatMessage[], deadline: number): Promise<ChatResult>;
}

export interface ChatClientSettings {
  readonly endpoint: EndpointConfig & { readonly temperature: number };
  readonly maxRetries: number;
  readonly breaker: CircuitBreaker;
  readonly now?: () => number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof OpenAI.APIError)) return undefined;
  const value = error.headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * Chat completions with our own retry loop: retries 429 and 5xx with
 * exponential backoff (honouring Retry-After when it fits), gives up at the
 * deadline, and feeds a circuit breaker so a dead endpoint stops costing
 * workers time. The SDK's own retries are off so the deadline holds.
 */
export function createChatClient(settings: ChatClientSettings): ChatClient {
  const now = settings.now ?? Date.now;
  const client = new OpenAI({
    apiKey: settings.endpoint.apiKey,
    ...(settings.endpoint.baseURL ? { baseURL: settings.endpoint.baseURL } : {}),
    maxRetries: 0,
  });

  return {
    model: settings.endpoint.model,
    async complete(messages, deadline) {
      if (!settings.breaker.allow())
        return { ok: false, reason: 'circuit_open', detail: 'endpoint failing; circuit open' };
      let lastDetail = '';
      for (let attempt = 0; attempt <= settings.maxRetries; attempt += 1) {
        const remaining = deadline - now();
        if (remaining < 50) break;
        try {
          const response = await client.chat.completions.create(
            {
              model: settings.endpoint.model,
              messages: messages.map((m) => ({ role: m.role, content: m.content })),
              temperature: settings.endpoint.temperature,
              response_format: { type: 'json_object' },
            },
            { signal: AbortSignal.timeout(remaining), timeout: remaining },
          );
          const content = response.choices[0]?.message?.content;
          if (typeof content !== 'string' || content.trim() === '') {
            settings.breaker.recordFailure();
            return { ok: false, reason: 'http_error', detail: 'empty completion' };
          }
          settings.breaker.recordSuccess();
          return { ok: true, content };
        } catch (error) {
          const status = error instanceof OpenAI.APIError ? error.status : undefined;
          lastDetail = status ? `HTTP ${status}` : error instanceof Error ? error.name : 'unknown error';
          const timedOut =
            deadline - now() < 50 ||
            error instanceof OpenAI.APIConnectionTimeoutError ||
            error instanceof OpenAI.APIUserAbortError;
          if (timedOut) {
            settings.breaker.recordFailure();
            return { ok: false, reason: 'timeout', detail: lastDetail };
          }
          const retryable = status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
          if (!retryable || attempt === settings.maxRetries) break;
          const backoff = retryAfterMs(error) ?? 200 * 2 ** attempt;
          if (backoff >= deadline - now() - 50) break;
          await sleep(backoff);
        }
      }
      settings.breaker.recordFailure();
      return {
        ok: false,
        reason: deadline - now() < 50 ? 'timeout' : 'http_error',
        detail: lastDetail || 'deadline reached',
      };
    },
  };
}
