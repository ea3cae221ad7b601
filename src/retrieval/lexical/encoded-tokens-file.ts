import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EncodedTokens } from './encoded-tokens.js';

const vocabularySchema = z.array(z.string());

/**
 * Writes the encoded corpus as vocabulary.json + two little-endian Int32 files (fast to load: no
 * per-token strings).
 */
export function writeEncodedTokens(dir: string, tokens: EncodedTokens): void {
  writeFileSync(join(dir, 'vocabulary.json'), JSON.stringify(tokens.vocabulary));
  writeFileSync(
    join(dir, 'doc-offsets.i32'),
    Buffer.from(tokens.docOffsets.buffer, tokens.docOffsets.byteOffset, tokens.docOffsets.byteLength),
  );
  writeFileSync(
    join(dir, 'term-ids.i32'),
    Buffer.from(tokens.termIds.buffer, tokens.termIds.byteOffset, tokens.termIds.byteLength),
  );
}

function readInt32(path: string): Int32Array {
  const buf = readFileSync(path);
  if (buf.byteLength % 4 !== 0) throw new Error(`${path}: not a whole number of int32 values`);
  // Copy into an aligned buffer (a Buffer from the pool may start at any offset).
  const out = new Int32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/** Reads what {@link writeEncodedTokens} wrote; throws on a damaged file (the caller rebuilds). */
export function readEncodedTokens(dir: string): EncodedTokens {
  const vocabulary = vocabularySchema.parse(JSON.parse(readFileSync(join(dir, 'vocabulary.json'), 'utf8')));
  const docOffsets = readInt32(join(dir, 'doc-offsets.i32'));
  const termIds = readInt32(join(dir, 'term-ids.i32'));
  if (docOffsets.length === 0 || docOffsets[docOffsets.length - 1] !== termIds.length)
    throw new Error(`${dir}: token files do not match`);
  for (let i = 0; i < termIds.length; i += 1)
    if (termIds[i]! < 0 || termIds[i]! >= vocabulary.length) throw new Error(`${dir}: term id out of range`);
  return { vocabulary, docOffsets, termIds };
}
