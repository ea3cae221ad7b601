import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase, Retriever } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import type { Embedder } from '../../src/retrieval/embedders/types.js';
import { loadOrBuildRetriever } from '../../src/retrieval/index-cache.js';
import { sharedIndexCopy } from '../helpers/shared-index.js';

let kb: KnowledgeBase;
let retriever: Retriever;
let cacheDir: string;

beforeAll(async () => {
  kb = await loadKnowledge('knowledge');
  cacheDir = await sharedIndexCopy();
  retriever = await loadOrBuildRetriever({ kb, cacheDir });
}, 120_000);

async function topIds(text: string, jurisdiction: 'CN' | 'VN', k = 5): Promise<string[]> {
  return (await retriever.retrieve({ text, jurisdiction, k })).map((h) => h.passage.id);
}

describe('hybrid retrieval on the real knowledge base', () => {
  it('reaches wage-arrears articles from a colloquial question', async () => {
    const ids = await topIds('老板三个月没发工资怎么办', 'CN');
    expect(
      ids.some((id) => ['cn/labor-contract-law#30', 'cn/labor-contract-law#85', 'cn/labor-law#50'].includes(id)),
    ).toBe(true);
  });

  it('finds the double-wage article for a missing contract', async () => {
    expect(await topIds('没签劳动合同能要双倍工资吗', 'CN', 3)).toContain('cn/labor-contract-law#82');
  });

  it('answers Traditional questions from the Simplified statutes', async () => {
    expect(await topIds('公司不給我加班費', 'CN')).toContain('cn/labor-law#44');
  });

  it('finds Vietnamese articles without diacritics', async () => {
    const ids = await topIds('cong ty khong dong bao hiem xa hoi', 'VN');
    expect(ids.some((id) => id.startsWith('vn/luat-bao-hiem-xa-hoi-2024#'))).toBe(true);
    expect(await topIds('nghi thai san duoc bao lau', 'VN')).toContain('vn/bo-luat-lao-dong-2019#139');
  });

  it('puts an article the question names first, with full confidence', async () => {
    const hits = await retriever.retrieve({ text: 'Điều 35 Bộ luật Lao động quy định gì', jurisdiction: 'VN' });
    expect(hits[0]?.passage.id).toBe('vn/bo-luat-lao-dong-2019#35');
    expect(hits[0]?.confidence).toBe(1);
    expect((await topIds('劳动合同法第82条说什么', 'CN', 1))[0]).toBe('cn/labor-contract-law#82');
  });

  it('keeps to the jurisdiction asked for', async () => {
    const hits = await retriever.retrieve({ text: 'lương', jurisdiction: 'VN', k: 10 });
    expect(hits.every((h) => h.passage.jurisdiction === 'VN')).toBe(true);
  });

  it('ranks articles of documents out of force below every in-force one', async () => {
    // Worded like the superseded penalty decree, so its articles are among the hits and the order is tested.
    const text =
      'xử phạt vi phạm hành chính trong lĩnh vực lao động ' +
      'đối với người sử dụng lao động vi phạm quy định về tiền lương';
    const hits = await retriever.retrieve({ text, jurisdiction: 'VN', k: 20 });
    const firstOut = hits.findIndex((h) => !h.passage.inForce);
    expect(firstOut).toBeGreaterThan(0);
    expect(hits.slice(firstOut).every((h) => !h.passage.inForce)).toBe(true);
    expect(hits[0]?.passage.inForce).toBe(true);
  });

  it('gives low confidence to a message unrelated to labor law', async () => {
    const hits = await retriever.retrieve({ text: '今天晚饭吃什么好呢', jurisdiction: 'CN' });
    expect(hits[0]?.confidence ?? 0).toBeLessThan(0.35);
  });
});

describe('index cache', () => {
  it('loads from disk when the knowledge and embedder are unchanged', async () => {
    const meta = join(cacheDir, 'meta.json');
    const before = statSync(meta).mtimeMs;
    const again = await loadOrBuildRetriever({ kb, cacheDir });
    expect(statSync(meta).mtimeMs).toBe(before);
    expect((await again.retrieve({ text: '产假', jurisdiction: 'CN', k: 1 }))[0]).toBeDefined();
  });

  it('rebuilds when the knowledge content hash changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'index-hash-'));
    // A slice of the corpus: what is checked is the cache key, not the ranking.
    const small: KnowledgeBase = { ...kb, passages: kb.passages.slice(0, 40) };
    const lsa = { dimension: 16, powerIterations: 0 };
    await loadOrBuildRetriever({ kb: small, cacheDir: dir, lsa });
    const first = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { contentHash: string };
    await loadOrBuildRetriever({ kb: { ...small, contentHash: 'changed' }, cacheDir: dir, lsa });
    const second = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { contentHash: string };
    expect(first.contentHash).toBe(kb.contentHash);
    expect(second.contentHash).toBe('changed');
  }, 60_000);

  it('rebuilds when the embedder changes, and records which one built it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'index-emb-'));
    const small: KnowledgeBase = { ...kb, passages: kb.passages.slice(0, 40) };
    const calls: number[] = [];
    const fake: Embedder = {
      name: 'fake-embedder-4',
      dimension: 4,
      async embedDocuments(texts) {
        calls.push(texts.length);
        return texts.map((t) => new Float32Array([t.length % 7, 1, 0, 0.5]));
      },
      async embedQuery() {
        return new Float32Array([1, 1, 0, 0.5]);
      },
    };
    await loadOrBuildRetriever({ kb: small, cacheDir: dir, embedder: fake });
    expect(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')).embedder).toBe('fake-embedder-4');
    expect(calls.reduce((a, b) => a + b, 0)).toBe(40);
    await loadOrBuildRetriever({ kb: small, cacheDir: dir, embedder: fake });
    expect(calls.reduce((a, b) => a + b, 0)).toBe(40);
    await loadOrBuildRetriever({ kb: small, cacheDir: dir, embedder: { ...fake, name: 'fake-embedder-4b' } });
    expect(calls.reduce((a, b) => a + b, 0)).toBe(80);
    expect(existsSync(join(dir, 'lsa.json'))).toBe(false);
  }, 60_000);
});

describe('learned parts and large-corpus mode', () => {
  const tinyKb = (): KnowledgeBase => ({
    ...kb,
    passages: kb.passages.filter((p) => p.docId === 'cn/labor-contract-law'),
    contentHash: 'tiny',
  });

  it('skips vectors when asked (as auto does above 20k passages) and still ranks by BM25', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'index-novec-'));
    const r = await loadOrBuildRetriever({ kb: tinyKb(), cacheDir: dir, vectors: 'off' });
    expect(r.name).toBe('hybrid(bm25)');
    expect(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')).embedder).toBe('none');
    expect(existsSync(join(dir, 'hnsw-CN.bin'))).toBe(false);
    expect(
      (await r.retrieve({ text: '没签书面劳动合同 二倍工资', jurisdiction: 'CN', k: 3 })).map((h) => h.passage.id),
    ).toContain('cn/labor-contract-law#82');
  });

  it('a learned translation term can bring an article the question does not word', async () => {
    const { createLearnedExpander } = await import('../../src/retrieval/expansion/learned-expander.js');
    const { createArticleTerms } = await import('../../src/retrieval/expansion/article-terms.js');
    const dir = mkdtempSync(join(tmpdir(), 'index-learned-'));
    const none = createArticleTerms(undefined);
    const text = '蓝莓蓝莓';
    const without = await loadOrBuildRetriever({
      kb: tinyKb(),
      cacheDir: dir,
      vectors: 'off',
      articleTerms: none,
      learned: createLearnedExpander(undefined),
    });
    expect(await without.retrieve({ text, jurisdiction: 'CN', k: 3 })).toEqual([]);
    const learned = createLearnedExpander({
      version: 1,
      tokenizer: 't',
      trainedOn: [],
      entries: { 蓝莓: [['竞业限制', 1]] },
    });
    const withTable = await loadOrBuildRetriever({
      kb: tinyKb(),
      cacheDir: dir,
      vectors: 'off',
      articleTerms: none,
      learned,
    });
    const hits = await withTable.retrieve({ text, jurisdiction: 'CN', k: 3 });
    expect(hits[0]?.passage.text).toContain('竞业限制');
    // Learned terms rank; they do not make the bot surer (confidence counts the question's own words).
    expect(hits[0]?.confidence).toBe(0);
  });

  it('learned article words are indexed with their article (and change the cache key)', async () => {
    const { createArticleTerms } = await import('../../src/retrieval/expansion/article-terms.js');
    const dir = mkdtempSync(join(tmpdir(), 'index-articles-'));
    const terms = createArticleTerms(
      { version: 1, tokenizer: 't', trainedOn: [], articles: { '劳动合同法#82': [['蓝莓', 2]] } },
      'h1',
    );
    const r = await loadOrBuildRetriever({ kb: tinyKb(), cacheDir: dir, vectors: 'off', articleTerms: terms });
    expect((await r.retrieve({ text: '蓝莓', jurisdiction: 'CN', k: 1 }))[0]?.passage.id).toBe(
      'cn/labor-contract-law#82',
    );
    expect(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')).articleTerms).toBe('h1');
  });
});

describe('confidence measured as the answer policy says', () => {
  it('takes the coverage cap and the vector-agreement factor from its options; the ranking stays', async () => {
    const question = '公司拖欠工资三个月，我可以解除劳动合同并要求经济补偿吗';
    const base = await retriever.retrieve({ text: question, jurisdiction: 'CN', k: 10 });
    const confidence = { coverageCap: 120, vectorAgreementFactor: 1.15, vectorAgreementRank: 10 };
    const noBoost = await loadOrBuildRetriever({
      kb,
      cacheDir,
      confidence: { ...confidence, vectorAgreementFactor: 1 },
    });
    const capped = await loadOrBuildRetriever({ kb, cacheDir, confidence: { ...confidence, coverageCap: 1 } });
    const plain = await noBoost.retrieve({ text: question, jurisdiction: 'CN', k: 10 });
    const full = await capped.retrieve({ text: question, jurisdiction: 'CN', k: 10 });
    expect(plain.map((h) => h.passage.id)).toEqual(base.map((h) => h.passage.id));
    expect(full.map((h) => h.passage.id)).toEqual(base.map((h) => h.passage.id));
    // Without the factor no hit is more confident; with a tiny cap any covered term counts as full coverage.
    base.forEach((h, i) => expect(plain[i]!.confidence).toBeLessThanOrEqual(h.confidence));
    expect(plain.some((h, i) => h.confidence < base[i]!.confidence)).toBe(true);
    expect(full.every((h) => h.confidence === 1)).toBe(true);
  });
});
