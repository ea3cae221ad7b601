import { invalidVariable } from './config-error.js';

/** What is wrong with a bad DATA_ENCRYPTION_KEY (also serve-config's message for it). */
export const DATA_KEY_PROBLEM = 'must be 32 bytes, as 64 hex characters or base64 (e.g. `openssl rand -base64 32`)';

/**
 * Parses DATA_ENCRYPTION_KEY: 32 bytes as 64 hex characters or base64. Here,
 * not in src/privacy, so the config checks the key at start-up without
 * importing the stores' side of the code.
 */
export function parseDataKey(value: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw invalidVariable('DATA_ENCRYPTION_KEY', DATA_KEY_PROBLEM);
  return key;
}

/** True when `value` is a usable DATA_ENCRYPTION_KEY. */
export function isDataKey(value: string): boolean {
  try {
    parseDataKey(value);
    return true;
  } catch {
    return false;
  }
}
