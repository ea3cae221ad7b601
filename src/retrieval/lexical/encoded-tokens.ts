/**
 * A tokenized corpus in compact form: the vocabulary once, every document's
 * terms as ids in one Int32Array. Used to build BM25 and to cache the index
 * without millions of small strings.
 */
export interface EncodedTokens {
  readonly vocabulary: readonly string[];
  /** Document d's terms are termIds[docOffsets[d] .. docOffsets[d + 1]). */
  readonly docOffsets: Int32Array;
  readonly termIds: Int32Array;
}

export function encodeTokens(documents: readonly (readonly string[])[]): EncodedTokens {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const docOffsets = new Int32Array(documents.length + 1);
  let total = 0;
  for (const d of documents) total += d.length;
  const termIds = new Int32Array(total);
  let at = 0;
  documents.forEach((tokens, d) => {
    for (const t of tokens) {
      let id = ids.get(t);
      if (id === undefined) {
        id = vocabulary.length;
        ids.set(t, id);
        vocabulary.push(t);
      }
      termIds[at] = id;
      at += 1;
    }
    docOffsets[d + 1] = at;
  });
  return { vocabulary, docOffsets, termIds };
}

/** Terms of one document, as strings. */
export function documentTerms(encoded: EncodedTokens, doc: number): string[] {
  const out: string[] = [];
  for (let i = encoded.docOffsets[doc]!; i < encoded.docOffsets[doc + 1]!; i += 1)
    out.push(encoded.vocabulary[encoded.termIds[i]!]!);
  return out;
}
