import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase, Retriever } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { loadOrBuildRetriever } from '../../src/retrieval/index-cache.js';
import { sharedIndexCopy } from '../helpers/shared-index.js';

let kb: KnowledgeBase;
let retriever: Retriever;
let noPrior: Retriever;

beforeAll(async () => {
  kb = await loadKnowledge('knowledge', { extraLawsDir: 'test/fixtures/extra-laws' });
  retriever = await loadOrBuildRetriever({ kb, cacheDir: await sharedIndexCopy('extra-laws') });
  const noPriorDir = await sharedIndexCopy('extra-laws');
  noPrior = await loadOrBuildRetriever({ kb, cacheDir: noPriorDir, weights: { builtinPrior: 1 } });
}, 120_000);

async function topIds(r: Retriever, text: string, k = 5): Promise<string[]> {
  return (await r.retrieve({ text, jurisdiction: 'CN', k })).map((h) => h.passage.id);
}

describe('retrieval with extra laws loaded', () => {
  it('still ranks a labor article first for a worker question about the labor contract', async () => {
    const ids = await topIds(retriever, '公司一直不跟我签劳动合同，合同到期也不续签，我能要求赔偿吗');
    expect(ids[0]).toMatch(/^cn\/labor-contract-law#/);
  });

  it('puts the labor contract law above the Civil Code where only the built-in prior separates them', async () => {
    const question = '公司不履行劳动合同约定，要承担什么责任';
    // Without the prior the Civil Code's general breach article comes first.
    expect((await topIds(noPrior, question))[0]).toBe('cn-extra/合同编#577');
    const ids = await topIds(retriever, question);
    expect(ids[0]).toMatch(/^cn\/labor-contract-law#/);
    expect(ids).toContain('cn-extra/合同编#577');
  });

  it('answers a consumer refund question from the extra consumer law first', async () => {
    const ids = await topIds(retriever, '网上买的东西收到后不想要了，七日内可以无理由退货吗');
    expect(ids[0]).toBe('cn-extra/消费者权益保护法#25');
    const hit = (await retriever.retrieve({ text: '商品质量有问题可以退货吗', jurisdiction: 'CN', k: 3 }))[0]!;
    expect(hit.passage.id).toBe('cn-extra/消费者权益保护法#24');
    expect(hit.passage.law).toBe('消费者权益保护法');
  });
});
