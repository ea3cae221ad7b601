import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Jurisdiction, Retriever } from '../core/types.js';

/** Metadata of each document: enough to cite the article it came from. */
export interface LawDocumentMetadata {
  readonly passageId: string;
  readonly law: string;
  readonly article?: number;
  readonly title: string;
  readonly jurisdiction: Jurisdiction;
  readonly score: number;
  readonly confidence: number;
  readonly inForce: boolean;
  [key: string]: unknown;
}

export interface LangchainLawRetrieverInput extends BaseRetrieverInput {
  readonly retriever: Retriever;
  readonly jurisdiction: Jurisdiction;
  /** Passages per query. @default 5 */
  readonly k?: number;
}

/**
 * Our hybrid statute retriever as a LangChain `BaseRetriever`, so a LangChain
 * app (a chain, an agent tool) can search the same knowledge base and keep
 * the citation metadata. It adds nothing to ranking: it only translates.
 */
export class LangchainLawRetriever extends BaseRetriever<LawDocumentMetadata> {
  lc_namespace = ['gonghui', 'retrievers'];
  private readonly inner: Retriever;
  private readonly jurisdiction: Jurisdiction;
  private readonly k: number;

  constructor(fields: LangchainLawRetrieverInput) {
    super(fields);
    this.inner = fields.retriever;
    this.jurisdiction = fields.jurisdiction;
    this.k = fields.k ?? 5;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<LawDocumentMetadata>[]> {
    const hits = await this.inner.retrieve({ text: query, jurisdiction: this.jurisdiction, k: this.k });
    return hits.map(
      ({ passage: p, score, confidence }) =>
        new Document<LawDocumentMetadata>({
          pageContent: p.text,
          metadata: {
            passageId: p.id,
            law: p.law,
            ...(p.article === undefined ? {} : { article: p.article }),
            title: p.title,
            jurisdiction: p.jurisdiction,
            score,
            confidence,
            inForce: p.inForce,
          },
        }),
    );
  }
}
