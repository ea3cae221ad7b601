import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/console/password.js';
import { runConsoleUser } from '../../src/console/user-admin.js';
import { openSqliteConsoleStore } from '../../src/stores/sqlite-console-store.js';

const pw = (p: string) => () => Promise.resolve(p);

describe('console:user', () => {
  it('adds a lead with a hashed password and lists accounts', async () => {
    const store = openSqliteConsoleStore(':memory:');
    expect(
      await runConsoleUser(['add', 'alice', '--role', 'lead', '--lang', 'vi'], store, pw('correct-horse-battery')),
    ).toBe('added alice (lead, vi)');
    const alice = await store.getUser('alice');
    expect(alice?.role).toBe('lead');
    expect(await verifyPassword('correct-horse-battery', alice?.passwordHash ?? '')).toBe(true);
    expect(await runConsoleUser(['list'], store, pw(''))).toBe('alice\tlead\tvi');
  });

  it('rejects bad names, roles, duplicate accounts and short passwords', async () => {
    const store = openSqliteConsoleStore(':memory:');
    await expect(runConsoleUser(['add', 'a b'], store, pw('correct-horse-battery'))).rejects.toThrow(/letters, digits/);
    await expect(
      runConsoleUser(['add', 'bob', '--role', 'admin'], store, pw('correct-horse-battery')),
    ).rejects.toThrow();
    await expect(runConsoleUser(['add', 'bob'], store, pw('short'))).rejects.toThrow(/at least 10/);
    expect(await store.getUser('bob')).toBeUndefined();
    await runConsoleUser(['add', 'bob'], store, pw('correct-horse-battery'));
    await expect(runConsoleUser(['add', 'bob'], store, pw('correct-horse-battery'))).rejects.toThrow(/exists/);
    await expect(runConsoleUser(['frobnicate', 'bob'], store, pw(''))).rejects.toThrow(/usage/);
  });

  it('changes a password and disables an account', async () => {
    const store = openSqliteConsoleStore(':memory:');
    await runConsoleUser(['add', 'bob'], store, pw('correct-horse-battery'));
    await runConsoleUser(['passwd', 'bob'], store, pw('another-password-2'));
    expect(await verifyPassword('another-password-2', (await store.getUser('bob'))?.passwordHash ?? '')).toBe(true);
    expect(await runConsoleUser(['disable', 'bob'], store, pw(''))).toBe('bob disabled');
    expect((await store.getUser('bob'))?.disabled).toBe(true);
    await expect(runConsoleUser(['passwd', 'nobody'], store, pw('another-password-2'))).rejects.toThrow(/no account/);
  });
});
