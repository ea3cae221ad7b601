import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUrgentReplies } from '../../src/escalation/load-urgent-replies.js';

function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'urgent-'));
  cpSync('knowledge/triage/responses', join(dir, 'triage', 'responses'), { recursive: true });
  cpSync('knowledge/contacts.json', join(dir, 'contacts.json'));
  return dir;
}

describe('loadUrgentReplies', () => {
  it('reads the crisis lines with their roles from contacts.json', () => {
    const book = loadUrgentReplies('knowledge');
    expect(book.contacts.CN).toMatchObject({ police: '110', ambulance: '120', crisis: '12356', union: '12351' });
    expect(book.contacts.VN).toMatchObject({ police: '113', ambulance: '115', child_protection: '111' });
    expect(book.contacts.VN.union).toBeUndefined();
  });

  it('never gives a number that has no source', () => {
    const dir = copyKnowledge();
    const contacts = JSON.parse(readFileSync(join(dir, 'contacts.json'), 'utf8'));
    delete contacts.CN.crisis[0].source;
    writeFileSync(join(dir, 'contacts.json'), JSON.stringify(contacts));
    expect(loadUrgentReplies(dir).contacts.CN.crisis).toBeUndefined();
  });

  it('names the file and field of a bad reply file', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'triage', 'responses', 'vi.json');
    const texts = JSON.parse(readFileSync(file, 'utf8'));
    delete texts.categories.default;
    writeFileSync(file, JSON.stringify(texts));
    expect(() => loadUrgentReplies(dir)).toThrow(/vi\.json: categories: needs a `default` category/);
  });
});
