import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder where test/helpers/shared-index.ts builds each index variant once per run. */
    sharedIndexRoot: string;
  }
}

/**
 * globalSetup of the integration project: one folder per test run for the prebuilt real index. The first
 * test file that needs a variant builds it there (the rest wait for it), so a run that needs no index builds
 * none; the folder is removed at the end.
 */
export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'gonghui-test-index-'));
  project.provide('sharedIndexRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
