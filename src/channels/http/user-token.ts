import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Short-lived user tokens for browser clients: the integration's server
 * (holding the API key) asks for one per worker, the browser sends it as a
 * bearer token and can act only as that worker until it expires.
 * Format: `ut.<base64url JSON {i, u, e}>.<base64url HMAC-SHA256>`.
 */
const claimsSchema = z.object({ i: z.string().min(1), u: z.string().min(1), e: z.number().int() });

export interface UserTokenClaims {
  readonly integration: string;
  readonly userId: string;
  /** Expiry, epoch seconds. */
  readonly expiresAt: number;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`ut.${body}`).digest();

export function mintUserToken(secret: string, claims: UserTokenClaims): string {
  const body = Buffer.from(JSON.stringify({ i: claims.integration, u: claims.userId, e: claims.expiresAt })).toString(
    'base64url',
  );
  return `ut.${body}.${sign(secret, body).toString('base64url')}`;
}

/** The claims of a valid, unexpired token, else undefined. */
export function verifyUserToken(secret: string, token: string, nowSeconds: number): UserTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'ut') return undefined;
  const expected = sign(secret, parts[1]!);
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = claimsSchema.safeParse(raw);
  if (!parsed.success || parsed.data.e <= nowSeconds) return undefined;
  return { integration: parsed.data.i, userId: parsed.data.u, expiresAt: parsed.data.e };
}
