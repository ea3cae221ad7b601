import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/console/password.js';
import { Authenticator, hashToken, tokensEqual } from '../../src/console/session-auth.js';
import { openSqliteConsoleStore } from '../../src/stores/sqlite-console-store.js';

async function setup() {
  const store = openSqliteConsoleStore(':memory:');
  await store.createUser('bob', await hashPassword('correct-horse-battery'), 'staff', 'en', 0);
  let clock = 1_000_000;
  const auth = new Authenticator(store, () => clock, { maxFailures: 3, windowMs: 60_000 });
  return { store, auth, advance: (ms: number) => (clock += ms) };
}

describe('Authenticator', () => {
  it('signs in with the right password and refuses unknown names and wrong passwords alike', async () => {
    const { auth } = await setup();
    expect(await auth.login('bob', 'correct-horse-battery')).toMatchObject({ ok: true, user: { name: 'bob' } });
    expect(await auth.login('bob', 'wrong-password!')).toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await auth.login('mallory', 'correct-horse-battery')).toEqual({ ok: false, reason: 'bad_credentials' });
  });

  it('locks a name after repeated failures, even for the right password, until the window passes', async () => {
    const { auth, advance } = await setup();
    for (let i = 0; i < 3; i += 1) await auth.login('bob', `wrong-password-${i}`);
    expect(await auth.login('bob', 'correct-horse-battery')).toEqual({ ok: false, reason: 'locked' });
    advance(60_001);
    expect((await auth.login('bob', 'correct-horse-battery')).ok).toBe(true);
  });

  it('refuses a disabled account', async () => {
    const { auth, store } = await setup();
    await store.setDisabled('bob', true);
    expect((await auth.login('bob', 'correct-horse-battery')).ok).toBe(false);
  });

  it('stores only the hash of the session token, and ends sessions', async () => {
    const { auth, store, advance } = await setup();
    const login = await auth.login('bob', 'correct-horse-battery');
    if (!login.ok) throw new Error('login failed');
    const { token, csrfToken } = await auth.startSession(login.user, 3_600_000);
    expect(token).not.toBe(csrfToken);
    expect(await store.getSession(token, 1_000_001)).toBeUndefined();
    expect((await store.getSession(hashToken(token), 1_000_001))?.user.name).toBe('bob');
    expect((await auth.session(token))?.csrfToken).toBe(csrfToken);
    advance(3_600_001);
    expect(await auth.session(token)).toBeUndefined();
    const second = await auth.startSession(login.user, 3_600_000);
    await auth.endSession(second.token);
    expect(await auth.session(second.token)).toBeUndefined();
    expect(await auth.session(undefined)).toBeUndefined();
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(tokensEqual(undefined, 'abc')).toBe(false);
    expect(tokensEqual('', '')).toBe(false);
  });
});
