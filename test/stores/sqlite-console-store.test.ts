import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteConsoleStore } from '../../src/stores/sqlite-console-store.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { describeConsoleStoreContract } from './console-store-contract.js';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-store-'));
  dirs.push(dir);
  return join(dir, 'gonghui.sqlite');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describeConsoleStoreContract('SQLite', async () => openSqliteConsoleStore(':memory:'));

describe('sqlite console store', () => {
  it('shares the ticket store file without touching its schema version, and migrates once', async () => {
    const file = tempFile();
    const tickets = openSqliteTicketStore(file);
    const first = openSqliteConsoleStore(file);
    await first.createUser('alice', 'h', 'lead', 'en', 1);
    await first.close();
    const again = openSqliteConsoleStore(file);
    expect((await again.listUsers()).map((u) => u.name)).toEqual(['alice']);
    expect((await tickets.stats()).openTickets).toBe(0);
    await again.close();
    await tickets.close();
    // The ticket store still opens (its own migrations are untouched).
    const reopened = openSqliteTicketStore(file);
    expect((await reopened.stats()).conversations).toBe(0);
    await reopened.close();
  });
});
