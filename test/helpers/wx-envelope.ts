import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The WeChat/WeCom envelope written out independently of src/ (straight from
 * the platform's description), so tests do not check the adapter's crypto
 * against itself: sha1 over the sorted strings; AES-256-CBC, key = base64 of
 * the 43-character EncodingAESKey + "=", IV = first 16 key bytes; plaintext
 * = 16 random bytes, 4-byte big-endian length, message, receive id; PKCS#7
 * padding to a multiple of 32.
 */
export function wxSignature(...parts: string[]): string {
  return createHash('sha1').update(parts.sort().join('')).digest('hex');
}

export function wxEncrypt(encodingAesKey: string, receiveId: string, message: string): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  let plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(receiveId)]);
  const pad = 32 - (plain.length % 32);
  plain = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

export function wxDecrypt(encodingAesKey: string, encrypted: string): { message: string; receiveId: string } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([d.update(Buffer.from(encrypted, 'base64')), d.final()]);
  const plain = padded.subarray(0, padded.length - (padded[padded.length - 1] ?? 0));
  const len = plain.readUInt32BE(16);
  return { message: plain.subarray(20, 20 + len).toString(), receiveId: plain.subarray(20 + len).toString() };
}

/** A 43-character EncodingAESKey, as the consoles generate (letters and digits). */
export function newEncodingAesKey(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(43), (b) => chars[b % chars.length]).join('');
}

/** Reads `<Tag><![CDATA[value]]></Tag>` or `<Tag>value</Tag>` from XML (test-side, no parser shared with src/). */
export function xmlField(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${tag}>`).exec(xml);
  return m ? (m[1] ?? m[2]) : undefined;
}
