import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, KnowledgeFileError, loadKnowledgeDir } from '../../src/knowledge/index.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the JSON knowledge (statute texts left out: loadKnowledgeDir reads only the manifests). */
function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-dir-'));
  temps.push(dir);
  cpSync('knowledge', dir, { recursive: true, filter: (src) => !/\/(statutes|services)\/.+\.md$/.test(src) });
  return dir;
}

function loadError(dir: string): KnowledgeFileError {
  try {
    loadKnowledgeDir(dir);
  } catch (error) {
    if (error instanceof KnowledgeFileError) return error;
    throw error;
  }
  throw new Error('loadKnowledgeDir did not throw');
}

describe('loadKnowledgeDir', () => {
  const knowledge = loadKnowledgeDir('knowledge');

  it('loads every folder of the real knowledge/', () => {
    expect(knowledge.statutes.cn.length).toBeGreaterThan(10);
    expect(knowledge.statutes.vn.length).toBeGreaterThan(3);
    expect(knowledge.services.cn.length).toBeGreaterThan(0);
    expect(knowledge.triage.zh.rules.length).toBeGreaterThan(0);
    expect(knowledge.triage.concepts?.vi.rules.length).toBeGreaterThan(0);
    expect(knowledge.triage.classifier?.classes).toContain('none');
    expect(knowledge.triage.responses.zh.categories).toHaveProperty('default');
    expect(knowledge.contacts.CN.union_hotline.number).toBe('12351');
    expect(knowledge.scope.greeting.zh.length).toBeGreaterThan(0);
    expect(knowledge.replies.vi.disclaimer).not.toBe('');
    expect(knowledge.cards.cards.length).toBeGreaterThan(50);
    expect(knowledge.cards.scopeNotice.reply.en).not.toBe('');
    expect(knowledge.calculators.vnMinimumWage.rows).toHaveLength(4);
    expect(knowledge.expansions.zh.entries.length).toBeGreaterThan(0);
    expect(Object.keys(knowledge.learned.translation?.entries ?? {}).length).toBeGreaterThan(100);
    expect(knowledge.learned.articleTerms?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(knowledge.conversation.eraseCommands.phrases.length).toBeGreaterThan(0);
    expect(knowledge.channels.worker.vi.welcome).not.toBe('');
    expect(knowledge.desk.en.desk.button.claim).not.toBe('');
    expect(Object.keys(knowledge.console.vi)).toEqual(Object.keys(knowledge.console.en));
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(knowledge)).toBe(true);
    expect(Object.isFrozen(knowledge.triage.zh.rules[0])).toBe(true);
    expect(() => (knowledge.replies.zh.next_steps as string[]).push('x')).toThrow(TypeError);
  });

  it('names the file, line and column of a JSON syntax error in a copy', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'triage', 'zh.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"rules"'));
    lines[at] = lines[at]!.replace('"rules"', '"rules" "oops"');
    writeFileSync(file, lines.join('\n'));
    const error = loadError(dir);
    expect(error.file).toBe(file);
    expect(error.line).toBe(at + 1);
    expect(error.message).toContain(`${file}: line ${at + 1}, column `);
  });

  it('names the file and field of a schema failure in a copy', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'triage', 'concepts', 'vi.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { rules: { level: string }[] };
    data.rules[2]!.level = 'soon';
    writeFileSync(file, JSON.stringify(data, null, 2));
    const error = loadError(dir);
    expect(error.message).toMatch(/concepts\/vi\.json: rules\[2\]\.level: /);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => loadKnowledgeDir('no/such/knowledge')).toThrow(KnowledgeError);
  });
});
