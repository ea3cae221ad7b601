import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiKeyStore } from '../../src/channels/http/api-key-store.js';
import { runApiKey } from '../../src/cli/apikey-command.js';
import { captureIo } from '../helpers/cli-io.js';

async function apikey(dataDir: string, ...argv: string[]) {
  const run = captureIo(argv, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const status = await runApiKey(run.io);
  return { status, stdout: run.stdout(), stderr: run.stderr() };
}

describe('runApiKey', () => {
  it('creates a key shown once, stores only its hash in a 0600 file, lists and revokes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apikey-'));
    const created = await apikey(dir, 'create', 'union-web');
    expect(created.status).toBe(0);
    const key = /gk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
    expect(key).toBeDefined();
    const file = join(dir, 'api-keys.sqlite');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const store = openApiKeyStore(file);
    expect(store.verify(key!)).toBe('union-web');
    store.close();
    expect((await apikey(dir, 'list')).stdout).toMatch(/union-web\tcreated .*\tactive/);
    expect((await apikey(dir, 'revoke', 'union-web')).status).toBe(0);
    expect((await apikey(dir, 'list')).stdout).toMatch(/union-web\tcreated .*\trevoked/);
    const again = openApiKeyStore(file);
    expect(again.verify(key!)).toBeUndefined();
    again.close();
    // Revoking what does not exist revokes nothing: exit 1.
    expect(await apikey(dir, 'revoke', 'nobody')).toMatchObject({ status: 1, stdout: 'Revoked 0 key(s).\n' });
  });

  it('rejects a bad integration name (1) and an unknown command (2) with a message, not a stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apikey-'));
    const bad = await apikey(dir, 'create', 'Bad Name!');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^apikey: .+\n$/);
    const unknown = await apikey(dir, 'frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run apikey');
  });
});
