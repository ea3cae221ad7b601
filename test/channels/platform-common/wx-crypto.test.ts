import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWxCrypto, decodeAesKey, pkcs7Pad, pkcs7Unpad } from '../../../src/channels/platform-common/wx-crypto.js';
import { buildWxXml, parseWxXml } from '../../../src/channels/platform-common/wx-xml.js';
import { newEncodingAesKey, wxDecrypt, wxEncrypt, wxSignature } from '../../helpers/wx-envelope.js';

describe('WeChat/WeCom message crypto', () => {
  it('pads to 32-byte blocks, adding a whole block when the length is already a multiple of 32', () => {
    expect(pkcs7Pad(Buffer.alloc(31)).length).toBe(32);
    const full = pkcs7Pad(Buffer.alloc(32));
    expect(full.length).toBe(64);
    expect(full[63]).toBe(32);
    expect(pkcs7Unpad(full).length).toBe(32);
    expect(() => pkcs7Unpad(Buffer.from([1, 2, 0]))).toThrow(/padding/);
  });

  it('refuses an EncodingAESKey that is not 43 base64 characters', () => {
    expect(() => decodeAesKey('short')).toThrow(/43/);
    expect(decodeAesKey(newEncodingAesKey()).length).toBe(32);
  });

  it('decrypts what the platform encrypts and the platform decrypts what it encrypts (any text)', () => {
    const key = newEncodingAesKey();
    const crypto = createWxCrypto({ token: 't0ken', encodingAesKey: key, receiveId: 'wx1234567890abcdef' });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(crypto.decrypt(wxEncrypt(key, 'wx1234567890abcdef', text))).toBe(text);
        expect(wxDecrypt(key, crypto.encrypt(text))).toEqual({ message: text, receiveId: 'wx1234567890abcdef' });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a payload addressed to another app or corp', () => {
    const key = newEncodingAesKey();
    const crypto = createWxCrypto({ token: 't', encodingAesKey: key, receiveId: 'ww-mine' });
    expect(() => crypto.decrypt(wxEncrypt(key, 'ww-other', '<xml/>'))).toThrow(/receive id/);
  });

  it('signs like the platform: sha1 of the sorted strings', () => {
    const crypto = createWxCrypto({ token: 'tok', receiveId: 'x' });
    expect(crypto.sign('1700000000', 'nonce', 'ENC')).toBe(wxSignature('tok', '1700000000', 'nonce', 'ENC'));
    expect(crypto.verify(wxSignature('tok', '1', 'n'), '1', 'n')).toBe(true);
    expect(crypto.verify(wxSignature('tok', '1', 'n'), '2', 'n')).toBe(false);
    expect(crypto.verify('nothex', '1', 'n')).toBe(false);
  });
});

describe('WeChat XML', () => {
  it('keeps 64-bit MsgIds exact and round-trips CDATA containing "]]>"', () => {
    const xml = buildWxXml({ MsgId: '24123456789012345678', Content: 'a]]>b <tag> & 中文', CreateTime: 1700000000 });
    expect(parseWxXml(xml)).toEqual({
      MsgId: '24123456789012345678',
      Content: 'a]]>b <tag> & 中文',
      CreateTime: '1700000000',
    });
  });

  it('refuses a body without an <xml> root', () => {
    expect(() => parseWxXml('{"json":true}')).toThrow(/not a WeChat XML/);
  });
});
