import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder for build locks (test/helpers/shared-index.ts). */
    sharedIndexRunDir: string;
    /** Where the prebuilt index variants are kept, one folder per version of the sources and knowledge. */
    sharedIndexCacheDir: string;
  }
}

/**
 * What the index files are built from: any change there means a fresh build. In src/, the index is written by
 * ingest/ and retrieval/ with what they import (core, config, knowledge, language, citations, shared), the
 * embedder choice (providers/, create-llm-features.ts) and createBot's options (create-bot.ts). Answer, cards,
 * channels and the rest only read the index, so editing them does not rebuild it. If ingest/ or retrieval/
 * starts importing another folder, add it here.
 */
const INPUTS = [
  'src/ingest',
  'src/retrieval',
  'src/core',
  'src/config',
  'src/knowledge',
  'src/language',
  'src/citations',
  'src/shared',
  'src/providers',
  'src/create-llm-features.ts',
  'src/create-bot.ts',
  'knowledge',
  'test/fixtures/extra-laws',
  'package-lock.json',
];
const CACHE_ROOT = '.cache/test-index';

function hashInputs(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const child = join(path, e.name);
      if (e.isDirectory()) add(child);
      else if (e.isFile()) hash.update(`${child}\0`).update(readFileSync(child)).update('\0');
    }
  };
  for (const input of INPUTS) {
    if (statSync(input).isFile()) hash.update(`${input}\0`).update(readFileSync(input)).update('\0');
    else add(input);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * globalSetup of the integration project. The real index is built at most once per version of its INPUTS
 * (kept under .cache/test-index/<hash>), by the first test file that needs it; older versions are removed.
 * Each test then loads a private copy.
 */
export default function setup(project: TestProject): () => void {
  const key = hashInputs();
  mkdirSync(CACHE_ROOT, { recursive: true });
  for (const old of readdirSync(CACHE_ROOT)) {
    if (old !== key) rmSync(join(CACHE_ROOT, old), { recursive: true, force: true });
  }
  const cacheDir = join(CACHE_ROOT, key);
  mkdirSync(cacheDir, { recursive: true });
  const runDir = mkdtempSync(join(tmpdir(), 'gonghui-test-index-'));
  project.provide('sharedIndexRunDir', runDir);
  project.provide('sharedIndexCacheDir', cacheDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
