import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTriageRuleFiles, readConceptFile } from '../../src/knowledge/load-triage.js';
import { tempKnowledge } from './helpers.js';

const rules = (patterns: unknown[]) => ({
  personal_cues: ['我'],
  hypothetical_cues: ['如果'],
  rules: [{ id: 'r1', category: 'injury', level: 'urgent', personal: false, patterns, note: 'test' }],
});

describe('loadTriageRuleFiles', () => {
  it('reads zh.json and vi.json, and no concepts or classifier when the folder has none', () => {
    const { dir, write } = tempKnowledge('triage-ok');
    write('zh.json', rules(['受伤']));
    write('vi.json', rules(['bị thương']));
    const files = loadTriageRuleFiles(dir);
    expect(files.zh.rules[0]?.patterns).toEqual(['受伤']);
    expect(files.concepts).toBeUndefined();
    expect(files.classifier).toBeUndefined();
  });

  it('names the rule and pattern of a regular expression that does not compile', () => {
    const { dir, write } = tempKnowledge('triage-re');
    write('zh.json', rules(['受伤', { re: '(unclosed' }]));
    write('vi.json', rules(['bị thương']));
    expect(() => loadTriageRuleFiles(dir)).toThrow(/zh\.json: rules\[0\]\.patterns\[1\]\.re: not a valid regular expression/);
  });

  it('names the file of a classifier whose bias does not fit its classes', () => {
    const { dir, write } = tempKnowledge('triage-model');
    write('zh.json', rules(['受伤']));
    write('vi.json', rules(['bị thương']));
    const model = JSON.parse(readFileSync('knowledge/triage/classifier.json', 'utf8')) as { bias: number[] };
    write('classifier.json', { ...model, bias: [0] });
    expect(() => loadTriageRuleFiles(dir)).toThrow(/classifier\.json: bias: bias has 1 entries for \d+ classes/);
    expect(loadTriageRuleFiles(dir, { classifier: false }).classifier).toBeUndefined();
  });
});

describe('readConceptFile', () => {
  it('names the rule that uses an undefined concept', () => {
    const { write } = tempKnowledge('concepts');
    const file = write('zh.json', {
      concepts: { a: ['甲'] },
      rules: [{ id: 'x', category: 'c', level: 'urgent', all: ['a', 'b'], personal: false, note: 'n' }],
    });
    expect(() => readConceptFile(file)).toThrow(/zh\.json: rules\[0\]: rule x names unknown concept b/);
  });
});
