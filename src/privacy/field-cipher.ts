import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field-level encryption of personal data at rest (AES-256-GCM). Encrypted
 * values are `enc:v1:<base64 iv>:<base64 ciphertext+tag>`; anything else is
 * read as a clear value written before a key was configured.
 */
export interface FieldCipher {
  encrypt(clear: string): string;
  decrypt(stored: string): string;
}

const PREFIX = 'enc:v1:';

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('field cipher: the key must be 32 bytes');
  return {
    encrypt(clear) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${iv.toString('base64')}:${body.toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [ivText, bodyText] = stored.slice(PREFIX.length).split(':');
      const iv = Buffer.from(ivText ?? '', 'base64');
      const body = Buffer.from(bodyText ?? '', 'base64');
      if (iv.length !== 12 || body.length < 16) throw new Error('field cipher: malformed encrypted value');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    },
  };
}

/** No key configured: values are stored as they are (the operator was warned at start). */
export const CLEAR_TEXT: FieldCipher = {
  encrypt: (clear) => clear,
  decrypt(stored) {
    if (stored.startsWith(PREFIX)) throw new Error('an encrypted value was found but DATA_ENCRYPTION_KEY is not set');
    return stored;
  },
};
