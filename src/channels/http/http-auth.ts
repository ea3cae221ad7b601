import type { FastifyRequest } from 'fastify';
import type { ApiKeyStore } from './api-key-store.js';
import { verifyUserToken } from './user-token.js';

/** How HTTP callers authenticate. */
export interface HttpAuth {
  readonly keys: Pick<ApiKeyStore, 'verify'>;
  /** HMAC secret of browser user tokens; without it only API keys are accepted. */
  readonly userTokenSecret?: string;
  /** Lifetime of a user token. @default 3600 */
  readonly userTokenTtlSeconds?: number;
}

/** Who is calling: an integration (API key), or one of its workers (user token). */
export interface Principal {
  readonly integration: string;
  /** Set for a user token: the only worker this caller may act as. */
  readonly userId?: string;
}

/** Reads `Authorization: Bearer <API key | user token>`; undefined when missing or invalid. */
export function authenticate(auth: HttpAuth, request: FastifyRequest, nowMs = Date.now()): Principal | undefined {
  const header = request.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!m) return undefined;
  const token = m[1]!;
  if (token.startsWith('ut.')) {
    if (!auth.userTokenSecret) return undefined;
    const claims = verifyUserToken(auth.userTokenSecret, token, Math.floor(nowMs / 1000));
    return claims ? { integration: claims.integration, userId: claims.userId } : undefined;
  }
  const integration = auth.keys.verify(token);
  return integration ? { integration } : undefined;
}

/** Conversation id of an integration's worker: namespaced, so one integration never reaches another's workers. */
export const namespacedUser = (integration: string, userId: string) => `${integration}:${userId}`;
