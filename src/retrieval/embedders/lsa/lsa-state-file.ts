import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LsaState } from './fit-lsa.js';

/** Writes the fitted LSA model as JSON (vocabulary) plus two raw Float32 files. */
export function saveLsaState(dir: string, state: LsaState): void {
  writeFileSync(
    join(dir, 'lsa.json'),
    JSON.stringify({ dimension: state.dimension, vocabularyHash: state.vocabularyHash, terms: state.terms }),
  );
  writeFileSync(join(dir, 'lsa-idf.f32'), Buffer.from(state.idf.buffer, state.idf.byteOffset, state.idf.byteLength));
  writeFileSync(
    join(dir, 'lsa-projection.f32'),
    Buffer.from(state.projection.buffer, state.projection.byteOffset, state.projection.byteLength),
  );
}

function readFloat32(path: string): Float32Array {
  const buf = readFileSync(path);
  // Copy into an aligned buffer: a Node Buffer may start at any byte offset.
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

export function loadLsaState(dir: string): LsaState {
  const meta = JSON.parse(readFileSync(join(dir, 'lsa.json'), 'utf8')) as {
    dimension: number;
    vocabularyHash: string;
    terms: string[];
  };
  const idf = readFloat32(join(dir, 'lsa-idf.f32'));
  const projection = readFloat32(join(dir, 'lsa-projection.f32'));
  if (idf.length !== meta.terms.length || projection.length !== meta.terms.length * meta.dimension) {
    throw new Error(`LSA cache in ${dir} is inconsistent`);
  }
  return { dimension: meta.dimension, vocabularyHash: meta.vocabularyHash, terms: meta.terms, idf, projection };
}
