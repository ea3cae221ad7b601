import { describe, expect, it } from 'vitest';
import type { RetrievalQuery, Retriever, ScoredPassage } from '../../src/core/types.js';
import { LangchainLawRetriever } from '../../src/retrieval/langchain-retriever.js';
import { SAMPLE_PASSAGES } from '../helpers/passages.js';

/** A retriever that records what it was asked and returns the sample articles in order. */
function recordingRetriever(): Retriever & { queries: RetrievalQuery[] } {
  const queries: RetrievalQuery[] = [];
  return {
    name: 'recording',
    queries,
    async retrieve(query) {
      queries.push(query);
      return SAMPLE_PASSAGES.slice(0, query.k ?? 10).map((passage, i): ScoredPassage => ({
        passage,
        score: 1 / (i + 1),
        confidence: 0.9 - i * 0.1,
      }));
    },
  };
}

describe('LangchainLawRetriever', () => {
  it('answers LangChain invoke() with documents that keep the citation metadata', async () => {
    const inner = recordingRetriever();
    const retriever = new LangchainLawRetriever({ retriever: inner, jurisdiction: 'CN', k: 2 });
    const docs = await retriever.invoke('没签合同能要双倍工资吗');
    expect(inner.queries).toEqual([{ text: '没签合同能要双倍工资吗', jurisdiction: 'CN', k: 2 }]);
    expect(docs).toHaveLength(2);
    const first = SAMPLE_PASSAGES[0]!;
    expect(docs[0]!.pageContent).toBe(first.text);
    expect(docs[0]!.metadata).toMatchObject({
      passageId: first.id,
      law: '劳动合同法',
      article: 82,
      jurisdiction: 'CN',
      score: 1,
      inForce: true,
    });
    expect(docs[1]!.metadata.score).toBe(0.5);
  });
});
