import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/** The real index as `createBot` builds it: the embedded knowledge, optionally with the test's extra laws. */
export type IndexVariant = 'default' | 'extra-laws';

/** EXTRA_LAWS_DIR of each variant. */
const VARIANT_EXTRA_LAWS_DIR: Readonly<Record<IndexVariant, string | undefined>> = {
  default: undefined,
  'extra-laws': 'test/fixtures/extra-laws',
};

function variantEnv(variant: IndexVariant, cacheDir: string): Record<string, string> {
  const extra = VARIANT_EXTRA_LAWS_DIR[variant];
  return { INDEX_CACHE_DIR: cacheDir, LOG_LEVEL: 'silent', ...(extra ? { EXTRA_LAWS_DIR: extra } : {}) };
}

/**
 * The prebuilt variant, built if this version of the sources has none yet: the first caller in a run takes
 * the lock (mkdir is atomic) and builds into a scratch folder renamed into place when complete; the others wait.
 */
async function prebuilt(variant: IndexVariant): Promise<string> {
  const runDir = inject('sharedIndexRunDir');
  const cacheDir = inject('sharedIndexCacheDir');
  if (!runDir || !cacheDir) throw new Error('the shared index is set up by the vitest "integration" project only');
  const dir = join(cacheDir, variant);
  // meta.json is written last by the index build: its presence marks a complete index.
  const ready = (): boolean => existsSync(join(dir, 'meta.json'));
  if (ready()) return dir;
  const failed = join(runDir, `${variant}.failed`);
  let builder = false;
  try {
    mkdirSync(join(runDir, `${variant}.lock`));
    builder = true;
  } catch {
    // Another test file builds it.
  }
  if (builder) {
    const scratch = mkdtempSync(join(cacheDir, `${variant}.building-`));
    try {
      // Imported here: the files that only copy the prebuilt index need not load the whole bot.
      const { createBot } = await import('../../src/create-bot.js');
      await createBot({ env: variantEnv(variant, scratch) });
      rmSync(dir, { recursive: true, force: true });
      renameSync(scratch, dir);
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
      rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
    return dir;
  }
  while (!ready()) {
    if (existsSync(failed)) throw new Error(`shared ${variant} index build failed:\n${readFileSync(failed, 'utf8')}`);
    await sleep(100);
  }
  return dir;
}

/**
 * A private copy of the prebuilt real index (INDEX_CACHE_DIR for `createBot`, `cacheDir` for
 * `loadOrBuildRetriever`): loading it takes a second instead of a build; a copy, so a test that
 * rebuilds or damages its cache cannot touch another test's.
 */
export async function sharedIndexCopy(variant: IndexVariant = 'default'): Promise<string> {
  const source = await prebuilt(variant);
  // In the run's folder, which the run removes at its end: each copy is about 27 MB.
  const copy = mkdtempSync(join(inject('sharedIndexRunDir'), `index-${variant}-`));
  cpSync(source, copy, { recursive: true });
  return copy;
}

/** Env for `createBot` that loads a copy of the prebuilt index (plus `extra`, e.g. an LLM endpoint). */
export async function sharedIndexEnv(
  variant: IndexVariant = 'default',
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  return { ...variantEnv(variant, await sharedIndexCopy(variant)), ...extra };
}
