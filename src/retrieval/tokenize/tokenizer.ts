/** Turns text into index terms. One implementation per language family. */
export interface Tokenizer {
  readonly name: string;
  /** Terms of a passage (index side). */
  tokenizeDocument(text: string): string[];
  /** Terms of a question (query side); may be a subset of the document forms. */
  tokenizeQuery(text: string): string[];
}
