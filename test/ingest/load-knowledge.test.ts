import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/ingest/load-knowledge.js';

describe('loadKnowledge', async () => {
  const kb = await loadKnowledge('knowledge');

  it('loads every statute and service document listed in the manifests', () => {
    const cn = JSON.parse(readFileSync('knowledge/statutes/cn/MANIFEST.json', 'utf8')) as unknown[];
    const vn = JSON.parse(readFileSync('knowledge/statutes/vn/MANIFEST.json', 'utf8')) as unknown[];
    expect(kb.documents.filter((d) => d.kind === 'statute')).toHaveLength(cn.length + vn.length);
    expect(kb.documents.some((d) => d.kind === 'service' && d.jurisdiction === 'CN')).toBe(true);
    expect(kb.documents.some((d) => d.kind === 'service' && d.jurisdiction === 'VN')).toBe(true);
  });

  it('parses as many articles as each Vietnamese manifest says', () => {
    const manifest = JSON.parse(readFileSync('knowledge/statutes/vn/MANIFEST.json', 'utf8')) as {
      doc_id: string;
      articles?: number;
    }[];
    for (const entry of manifest) {
      if (entry.articles === undefined) continue;
      expect(
        kb.passages.filter((p) => p.docId === entry.doc_id && p.kind === 'article'),
        entry.doc_id,
      ).toHaveLength(entry.articles);
    }
  });

  it('marks Nghị định 12/2022 as not in force and the labor code as in force', () => {
    expect(kb.passages.filter((p) => p.docId === 'vn/nghi-dinh-12-2022-nd-cp').every((p) => !p.inForce)).toBe(true);
    expect(kb.passages.find((p) => p.id === 'vn/bo-luat-lao-dong-2019#35')?.inForce).toBe(true);
  });

  it('gives articles stable ids, short citation titles and integer numbers', () => {
    const a82 = kb.passages.find((p) => p.id === 'cn/labor-contract-law#82')!;
    expect(a82).toMatchObject({
      law: '劳动合同法',
      title: '中华人民共和国劳动合同法',
      article: 82,
      jurisdiction: 'CN',
      language: 'zh',
    });
    expect(kb.passages.find((p) => p.id === 'vn/bo-luat-lao-dong-2019#35')?.law).toBe('Bộ luật Lao động 2019');
  });

  it('changes the content hash when any file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync('knowledge', dir, { recursive: true });
    const before = (await loadKnowledge(dir)).contentHash;
    expect(before).toBe(kb.contentHash);
    writeFileSync(join(dir, 'expansions', 'zh.json'), readFileSync(join(dir, 'expansions', 'zh.json'), 'utf8') + ' ');
    expect((await loadKnowledge(dir)).contentHash).not.toBe(before);
  });

  it('names the manifest when it is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-bad-'));
    cpSync('knowledge', dir, { recursive: true });
    writeFileSync(join(dir, 'statutes', 'cn', 'MANIFEST.json'), JSON.stringify([{ file: 'labor-law.md' }]));
    await expect(loadKnowledge(dir)).rejects.toThrow(KnowledgeError);
    await expect(loadKnowledge(dir)).rejects.toThrow(/statutes\/cn\/MANIFEST\.json/);
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(loadKnowledge('/nonexistent/knowledge')).rejects.toThrow(/not found/);
  });
});
