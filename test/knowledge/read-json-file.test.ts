import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KnowledgeError } from '../../src/knowledge/knowledge-error.js';
import {
  displayPath,
  formatFieldPath,
  KnowledgeFileError,
  parseJsonText,
  readJsonFile,
} from '../../src/knowledge/read-json-file.js';

const dir = mkdtempSync(join(tmpdir(), 'read-json-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = z.object({ concepts: z.array(z.object({ phrases: z.array(z.string()) })) });

function errorOf(run: () => unknown): KnowledgeFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof KnowledgeFileError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('readJsonFile', () => {
  it('returns the validated data', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, '{"concepts": [{"phrases": ["a"]}]}');
    expect(readJsonFile(path, schema)).toEqual({ concepts: [{ phrases: ['a'] }] });
  });

  it('names the line and column of a syntax error that V8 reports with a position', () => {
    const path = join(dir, 'comma.json');
    writeFileSync(path, '{\n  "concepts": [\n    {"phrases": ["a"]}\n    {"phrases": ["b"]}\n  ]\n}\n');
    const error = errorOf(() => readJsonFile(path, schema));
    expect([error.line, error.column]).toEqual([4, 5]);
    expect(error.message).toContain(`${path}: line 4, column 5: not valid JSON`);
  });

  it('finds the line and column of an "Unexpected token" error, which V8 reports without a position', () => {
    const path = join(dir, 'trailing.json');
    writeFileSync(path, '{\n  "concepts": [\n    {"phrases": ["a",]}\n  ]\n}\n');
    const error = errorOf(() => readJsonFile(path, schema));
    expect([error.line, error.column]).toEqual([3, 22]);
    expect(error.message).toBe(`${path}: line 3, column 22: not valid JSON (Unexpected token ']')`);
  });

  it('puts a truncated file at its end', () => {
    const error = errorOf(() => parseJsonText('{"concepts": [\n', 'cut.json', schema));
    expect([error.line, error.column]).toEqual([2, 1]);
  });

  it('names a missing file', () => {
    const error = errorOf(() => readJsonFile(join(dir, 'absent.json'), schema));
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error.message).toBe(`${join(dir, 'absent.json')}: file not found`);
  });

  it('names the field of a schema failure', () => {
    const path = join(dir, 'field.json');
    writeFileSync(path, JSON.stringify({ concepts: [{ phrases: ['a'] }, { phrases: ['b', 7] }] }));
    const error = errorOf(() => readJsonFile(path, schema));
    expect(error.field).toBe('concepts[1].phrases[1]');
    expect(error.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: concepts\\[1\\]\\.phrases\\[1\\]: .*expected string`));
  });

  it('names a file inside the repository relative to it', () => {
    const error = errorOf(() => parseJsonText('[]', 'knowledge/triage/zh.json', schema));
    expect(error.file).toBe('knowledge/triage/zh.json');
    expect(error.message).toMatch(/^knowledge\/triage\/zh\.json: .*expected object/);
  });
});

describe('formatFieldPath', () => {
  it('writes indexes in brackets and quotes keys that are not identifiers', () => {
    expect(formatFieldPath(['concepts', 3, 'phrases', 0])).toBe('concepts[3].phrases[0]');
    expect(formatFieldPath(['worker', 'zh-Hans', 'welcome'])).toBe('worker["zh-Hans"].welcome');
  });
});

describe('displayPath', () => {
  it('is relative inside the repository and absolute outside it', () => {
    expect(displayPath('knowledge/contacts.json')).toBe('knowledge/contacts.json');
    expect(displayPath(join(dir, 'x.json'))).toBe(join(dir, 'x.json'));
  });
});
