import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleLookup, verifySources } from '../../src/citations/verify-citations.js';
import { createReferenceFinder } from '../../src/citations/parse-references.js';
import { KnowledgeError, loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { loadExtraLaws } from '../../src/ingest/load-extra-laws.js';

const FIXTURE = 'test/fixtures/extra-laws';

describe('loadExtraLaws', () => {
  const { docs, skipped } = loadExtraLaws(FIXTURE, new Set(['劳动合同法']));
  const byId = new Map(docs.map((d) => [d.meta.docId, d]));

  it('reads each document as a CN statute with a cn-extra id and short title', () => {
    expect([...byId.keys()].sort()).toEqual(['cn-extra/合同编', 'cn-extra/消费者权益保护法']);
    const consumer = byId.get('cn-extra/消费者权益保护法')!;
    expect(consumer.meta).toMatchObject({
      jurisdiction: 'CN',
      language: 'zh',
      kind: 'statute',
      law: '消费者权益保护法',
      title: '中华人民共和国消费者权益保护法',
      inForce: true,
    });
    const civil = byId.get('cn-extra/合同编')!;
    expect(civil.meta.law).toBe('民法典');
    expect(civil.meta.title).toBe('中华人民共和国民法典·合同编');
  });

  it('splits articles with their real numbers, headings and paragraphs', () => {
    const consumer = byId.get('cn-extra/消费者权益保护法')!.passages;
    expect(consumer.map((p) => p.article)).toEqual([1, 24, 25, 26, 55]);
    const a25 = consumer.find((p) => p.id === 'cn-extra/消费者权益保护法#25')!;
    expect(a25.text).toContain('消费者有权自收到商品之日起七日内退货，且无需说明理由');
    expect(a25.headings).toEqual(['第三章 经营者的义务']);
    expect(a25.clauses.length).toBeGreaterThan(3);
    const civil = byId.get('cn-extra/合同编')!.passages;
    expect(civil.map((p) => p.id)).toEqual([
      'cn-extra/合同编#463',
      'cn-extra/合同编#464',
      'cn-extra/合同编#465',
      'cn-extra/合同编#577',
    ]);
  });

  it('skips a document whose short title a built-in statute already has', () => {
    expect(skipped).toEqual([{ law: '劳动合同法', file: join('社会法', '劳动合同法(2012-12-28).md') }]);
    expect(docs.some((d) => d.meta.law === '劳动合同法')).toBe(false);
  });

  it('marks a document as not in force when its title says 已废止 and keeps one passage per article number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extra-laws-'));
    cpSync(FIXTURE, dir, { recursive: true });
    // A placeholder document (not a real law), only to carry the repeal marker.
    writeFileSync(
      join(dir, '某某条例.md'),
      '# 某某条例（已废止）\n\n第一条 占位文本。\n\n## 附件\n\n第一条 附件占位文本。\n',
    );
    const loaded = loadExtraLaws(dir, new Set());
    const placeholder = loaded.docs.find((d) => d.meta.law === '某某条例（已废止）')!;
    expect(placeholder.meta.inForce).toBe(false);
    // An appendix restarting at 第一条 could not be cited apart from the body's 第一条: only the first is kept.
    expect(placeholder.passages.map((p) => [p.id, p.text])).toEqual([['cn-extra/某某条例#1', '占位文本。']]);
    expect(loaded.docs.find((d) => d.meta.docId === 'cn-extra/消费者权益保护法')?.meta.inForce).toBe(true);
  });
});

describe('loadExtraLaws with several versions of one law', () => {
  it('reads only the latest dated file of a name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extra-laws-'));
    cpSync(FIXTURE, dir, { recursive: true });
    // The same text under an older date stands in for a superseded version.
    cpSync(
      join(dir, '民法商法', '消费者权益保护法(2013-10-25).md'),
      join(dir, '民法商法', '消费者权益保护法(2009-08-27).md'),
    );
    const consumer = loadExtraLaws(dir, new Set()).docs.filter((d) => d.meta.law === '消费者权益保护法');
    expect(consumer.map((d) => [d.meta.docId, d.meta.source])).toEqual([
      ['cn-extra/消费者权益保护法', 'cn-extra/民法商法/消费者权益保护法(2013-10-25).md'],
    ]);
  });
});

describe('loadKnowledge with EXTRA_LAWS_DIR', async () => {
  const plain = await loadKnowledge('knowledge');
  const skippedCalls: unknown[] = [];
  const kb = await loadKnowledge('knowledge', { extraLawsDir: FIXTURE, onSkippedExtras: (s) => skippedCalls.push(s) });

  it('adds the extra documents after the built-in ones and keeps the built-in labor contract law', () => {
    expect(kb.documents.length).toBe(plain.documents.length + 2);
    expect(kb.documents.filter((d) => d.law === '劳动合同法').map((d) => d.docId)).toEqual(['cn/labor-contract-law']);
    expect(skippedCalls).toHaveLength(1);
  });

  it('changes the content hash with the extra folder and its contents', async () => {
    expect(kb.contentHash).not.toBe(plain.contentHash);
    const dir = mkdtempSync(join(tmpdir(), 'extra-laws-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const same = await loadKnowledge('knowledge', { extraLawsDir: dir });
    expect(same.contentHash).toBe(kb.contentHash);
    appendFileSync(
      join(dir, '民法典', '合同编.md'),
      '\n第五百七十八条 当事人一方明确表示或者以自己的行为表明不履行合同义务的，对方可以在履行期限届满前请求其承担违约责任。\n',
    );
    const changed = await loadKnowledge('knowledge', { extraLawsDir: dir });
    expect(changed.contentHash).not.toBe(kb.contentHash);
  });

  it('lets an extra article pass citation verification, and rejects altered text', () => {
    const lookup = createArticleLookup(kb.passages);
    const ids = new Set(kb.passages.map((p) => p.id));
    const ref = createReferenceFinder(kb.documents)('根据《消费者权益保护法》第二十五条，网购七日内可以无理由退货');
    expect(ref.map((r) => `${r.docId}#${r.article}`)).toEqual(['cn-extra/消费者权益保护法#25']);
    const passage = kb.passages.find((p) => p.id === 'cn-extra/消费者权益保护法#25')!;
    const { kept, dropped } = verifySources(
      [{ passage }, { passage: { ...passage, text: `${passage.text}（改）` } }],
      lookup,
      ids,
    );
    expect(kept.map((s) => s.passage.id)).toEqual(['cn-extra/消费者权益保护法#25']);
    expect(dropped.map((d) => d.reason)).toEqual(['unknown_article']);
  });

  it('names a missing extra folder', async () => {
    await expect(loadKnowledge('knowledge', { extraLawsDir: 'no/such/folder' })).rejects.toThrow(KnowledgeError);
    await expect(loadKnowledge('knowledge', { extraLawsDir: 'no/such/folder' })).rejects.toThrow('no/such/folder');
  });
});
