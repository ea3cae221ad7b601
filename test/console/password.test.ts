import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/console/password.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct-horse-battery');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct-horse-battery');
    expect(await verifyPassword('correct-horse-battery', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-batterz', stored)).toBe(false);
  });

  it('stores the cost it was made with, and verification reads it from the hash', async () => {
    const stored = await hashPassword('correct-horse-battery', { N: 1024, r: 8, p: 1 });
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct-horse-battery', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-battery', stored.replace('$1024$', '$2048$'))).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password-1'), hashPassword('same-password-1')]);
    expect(a).not.toBe(b);
  });

  it('refuses short passwords and malformed hashes', async () => {
    await expect(hashPassword('short')).rejects.toThrow(/at least 10/);
    expect(await verifyPassword('whatever-password', 'plain-text')).toBe(false);
    expect(await verifyPassword('whatever-password', 'scrypt$0$8$1$c2FsdA==$aGFzaA==')).toBe(false);
    expect(await verifyPassword('whatever-password', 'scrypt$16384$8$1$c2FsdA==$')).toBe(false);
  });
});
