import type { z } from 'zod';

/** A platform API answered with an HTTP error or a body that is not what its documentation says. */
export class PlatformHttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlatformHttpError';
  }
}

/**
 * Calls a platform JSON API and validates the answer with `schema`. Network
 * errors, non-2xx statuses and malformed bodies throw (the outbox retries).
 * The URL is never put in the error: it carries the access token.
 */
export async function fetchJson<T extends z.ZodType>(
  url: string,
  init: RequestInit,
  schema: T,
  timeoutMs = 10_000,
): Promise<z.infer<T>> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const path = new URL(url).pathname;
  if (!response.ok) throw new PlatformHttpError(`${path}: HTTP ${response.status}`, response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new PlatformHttpError(`${path}: response is not JSON`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new PlatformHttpError(
      `${path}: unexpected response (${parsed.error.issues[0]?.path.join('.') || 'body'})`,
      response.status,
    );
  return parsed.data;
}

/** POSTs a JSON body. */
export function postJson<T extends z.ZodType>(
  url: string,
  body: unknown,
  schema: T,
  headers: Record<string, string> = {},
): Promise<z.infer<T>> {
  return fetchJson(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
    schema,
  );
}
