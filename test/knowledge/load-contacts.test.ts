import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContacts } from '../../src/knowledge/load-contacts.js';
import { tempKnowledge } from './helpers.js';

const real = JSON.parse(readFileSync('knowledge/contacts.json', 'utf8')) as {
  CN: { emergency: { number: string | null }[] };
};

describe('loadContacts', () => {
  it('keeps unknown numbers as null and extra fields as data', () => {
    const contacts = loadContacts('knowledge');
    expect(contacts.VN.union_hotline.number).toBeNull();
    expect(contacts.CN.crisis?.[0]?.role).toBe('crisis');
  });

  it('names the field of a number that is not a phone number', () => {
    const { dir, write } = tempKnowledge('contacts');
    real.CN.emergency[1]!.number = 'call 120';
    write('contacts.json', real);
    expect(() => loadContacts(dir)).toThrow(/contacts\.json: CN\.emergency\[1\]\.number: /);
  });
});
