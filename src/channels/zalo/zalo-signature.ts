import { createHash } from 'node:crypto';
import { safeEqualHex } from '../platform-common/wx-crypto.js';

/**
 * Zalo's webhook signature: `X-ZEvent-Signature: mac=<hex>` where
 * hex = sha256(app_id + raw body + timestamp + OA secret key), app_id and
 * timestamp being the fields of the posted JSON.
 */
export function zaloSignature(appId: string, body: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(`${appId}${body}${timestamp}${oaSecretKey}`, 'utf8').digest('hex');
}

export function verifyZaloSignature(
  header: string | undefined,
  appId: string,
  body: string,
  timestamp: string,
  oaSecretKey: string,
): boolean {
  if (!header) return false;
  const given = header.trim().replace(/^mac=/i, '');
  return /^[0-9a-f]{64}$/i.test(given) && safeEqualHex(given, zaloSignature(appId, body, timestamp, oaSecretKey));
}
