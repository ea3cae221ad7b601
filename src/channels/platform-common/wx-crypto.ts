import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The message crypto shared by WeChat Official Accounts (safe mode) and WeCom
 * callbacks: SHA-1 signatures over the sorted strings, AES-256-CBC with the
 * 43-character EncodingAESKey (base64 + "="), IV = first 16 key bytes,
 * PKCS#7 padding to 32-byte blocks, plaintext = 16 random bytes + 4-byte
 * big-endian length + message + receive id (OA appid or WeCom corpid).
 */
export interface WxCrypto {
  /** sha1 of the sorted token, timestamp, nonce (and the encrypted payload, for msg_signature). */
  sign(timestamp: string, nonce: string, encrypted?: string): string;
  /** Constant-time signature check. */
  verify(signature: string, timestamp: string, nonce: string, encrypted?: string): boolean;
  encrypt(message: string, random?: Buffer): string;
  /** Decrypts and checks the receive id; throws on a bad payload or a foreign receive id. */
  decrypt(encrypted: string): string;
}

const BLOCK = 32;

/** Decodes an EncodingAESKey; throws when it is not 43 base64 characters of a 32-byte key. */
export function decodeAesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) throw new Error('EncodingAESKey must be 43 base64 characters');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes');
  return key;
}

export function pkcs7Pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

export function pkcs7Unpad(data: Buffer): Buffer {
  const n = data[data.length - 1] ?? 0;
  if (n < 1 || n > BLOCK || n > data.length) throw new Error('bad PKCS#7 padding');
  return data.subarray(0, data.length - n);
}

export function sha1Signature(parts: readonly string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createWxCrypto(settings: { token: string; encodingAesKey?: string; receiveId: string }): WxCrypto {
  const key = settings.encodingAesKey ? decodeAesKey(settings.encodingAesKey) : undefined;
  const iv = key?.subarray(0, 16);
  const sign = (timestamp: string, nonce: string, encrypted?: string) =>
    sha1Signature([settings.token, timestamp, nonce, ...(encrypted === undefined ? [] : [encrypted])]);
  const needKey = () => {
    if (!key || !iv) throw new Error('no EncodingAESKey configured');
    return { key, iv };
  };
  return {
    sign,
    verify: (signature, timestamp, nonce, encrypted) => safeEqualHex(signature, sign(timestamp, nonce, encrypted)),
    encrypt(message, random = randomBytes(16)) {
      const k = needKey();
      const body = Buffer.from(message, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length, 0);
      const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(settings.receiveId, 'utf8')]));
      const cipher = createCipheriv('aes-256-cbc', k.key, k.iv);
      cipher.setAutoPadding(false);
      return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
    },
    decrypt(encrypted) {
      const k = needKey();
      const decipher = createDecipheriv('aes-256-cbc', k.key, k.iv);
      decipher.setAutoPadding(false);
      const plain = pkcs7Unpad(Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]));
      if (plain.length < 20) throw new Error('encrypted payload too short');
      const length = plain.readUInt32BE(16);
      if (20 + length > plain.length) throw new Error('bad message length in encrypted payload');
      const receiveId = plain.subarray(20 + length).toString('utf8');
      if (receiveId !== settings.receiveId) throw new Error('encrypted payload is for another receive id');
      return plain.subarray(20, 20 + length).toString('utf8');
    },
  };
}
