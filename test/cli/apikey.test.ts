import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiKeyStore } from '../../src/channels/http/api-key-store.js';

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/apikey.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });

describe('npm run apikey', () => {
  it('creates a key shown once, stores only its hash in a 0600 file, lists and revokes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apikey-'));
    const created = cli(dir, 'create', 'union-web');
    expect(created.status).toBe(0);
    const key = /gk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
    expect(key).toBeDefined();
    const file = join(dir, 'api-keys.sqlite');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const store = openApiKeyStore(file);
    expect(store.verify(key!)).toBe('union-web');
    store.close();
    expect(cli(dir, 'list').stdout).toMatch(/union-web\tcreated .*\tactive/);
    expect(cli(dir, 'revoke', 'union-web').status).toBe(0);
    expect(cli(dir, 'list').stdout).toMatch(/union-web\tcreated .*\trevoked/);
    const again = openApiKeyStore(file);
    expect(again.verify(key!)).toBeUndefined();
    again.close();
    expect(cli(dir, 'create', 'Bad Name!').status).toBe(1);
    expect(cli(dir, 'frobnicate').status).toBe(2);
  }, 60_000);
});
