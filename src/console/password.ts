import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scryptAsync = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/**
 * scrypt cost (RFC 7914 parameters, OWASP's interactive-login minimum); stored with each hash so it
 * can be raised later.
 */
const DEFAULT_SCRYPT_COST: ScryptCost = { N: 16384, r: 8, p: 1 };
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}
const KEY_LENGTH = 64;
export const MIN_PASSWORD_LENGTH = 10;

/**
 * `scrypt$N$r$p$salt$hash` with base64 salt and hash. `cost` is for tests that sign in many times; a real
 * hash keeps the default.
 */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new Error(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, KEY_LENGTH, {
    ...cost,
    maxmem: 256 * cost.N * cost.r + 1024 * 1024,
  });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length === 0) return false;
  const key = await scryptAsync(password.normalize('NFKC'), salt, expected.length, {
    N,
    r,
    p,
    maxmem: 256 * N * r + 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/** A hash to check unknown names against, so a wrong name costs as much time as a wrong password. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'));
  return dummy;
}
