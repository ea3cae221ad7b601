import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/**
 * sha256 over every file under `dir` (sorted relative paths and contents):
 * any change to the knowledge base changes the hash and rebuilds the index.
 */
export function hashDirectory(dir: string): string {
  const hash = createHash('sha256');
  for (const path of listFiles(dir).sort()) {
    hash.update(relative(dir, path).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}
