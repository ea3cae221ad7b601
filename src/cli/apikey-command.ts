/**
 * `npm run apikey -- create <integration> | list | revoke <key id or integration>`:
 * manages the API keys of the HTTP API. The full key is printed once, at
 * creation; only a hash is stored (DATA_DIR/api-keys.sqlite, mode 0600, or
 * PostgreSQL when DATABASE_URL is set).
 */
import { join } from 'node:path';
import { openApiKeyStore } from '../channels/http/api-key-store.js';
import { loadConfig } from '../config/load-config.js';
import { openStoreBackend } from '../stores/open-store-backend.js';
import type { CliIo } from './cli-io.js';

const USAGE = 'usage: npm run apikey -- create <integration> | list | revoke <key id or integration>';

/** Returns the exit code: 0 done, 1 failed (or nothing revoked), 2 usage error. */
export async function runApiKey(io: CliIo): Promise<number> {
  const [command, arg] = io.argv;
  const { app: config, database } = loadConfig({ ...io.env });
  const backend = database.DATABASE_URL ? await openStoreBackend(database, config.DATA_DIR) : undefined;
  const pgKeys = backend?.openApiKeyStore ? await backend.openApiKeyStore() : undefined;
  const store = pgKeys ?? openApiKeyStore(join(config.DATA_DIR, 'api-keys.sqlite'));
  try {
    if (command === 'create' && arg) {
      const { key, info } = store.create(arg);
      io.stdout.write(
        `Created key ${info.keyId} for integration "${info.integration}". ` +
          `Store it now; it is not shown again:\n${key}\n`,
      );
      return 0;
    }
    if (command === 'list' && !arg) {
      for (const k of store.list()) {
        const state = k.revokedAt ? `revoked ${new Date(k.revokedAt).toISOString()}` : 'active';
        io.stdout.write(`${k.keyId}\t${k.integration}\tcreated ${new Date(k.createdAt).toISOString()}\t${state}\n`);
      }
      return 0;
    }
    if (command === 'revoke' && arg) {
      const n = store.revoke(arg);
      io.stdout.write(`Revoked ${n} key(s).\n`);
      return n > 0 ? 0 : 1;
    }
    io.stderr.write(`${USAGE}\n`);
    return 2;
  } catch (error) {
    io.stderr.write(`apikey: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    // A PostgreSQL write must land before the process exits.
    await pgKeys?.flush();
    store.close();
    await backend?.close();
  }
}
