import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiKeyStore } from '../../src/channels/http/api-key-store.js';

/** `npm run apikey` as a process; its commands' cases run in-process (test/cli/apikey-command.test.ts). */
describe('npm run apikey (a child process)', () => {
  it('prints a created key on stdout and exits 0; a usage error exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apikey-'));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/apikey.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dir },
      });
    const created = cli('create', 'union-web');
    expect(created.status).toBe(0);
    const key = /gk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
    const store = openApiKeyStore(join(dir, 'api-keys.sqlite'));
    expect(store.verify(key ?? '')).toBe('union-web');
    store.close();
    expect(cli('frobnicate').status).toBe(2);
  }, 60_000);
});
