import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, KnowledgeFileError } from './read-json-file.js';

/** `knowledge/dict/`: the tokenizers' word lists, one entry per line. */
export interface TokenizerDictionaries {
  /** jieba user dictionary (`legal-zh.txt`: word, optional frequency and tag), as the file's text. */
  readonly zhUserDict: string;
  /** Chinese words the tokenizer drops (`stopwords-zh.txt`). */
  readonly zhStopwords: readonly string[];
  /** Vietnamese syllables and phrases the tokenizer drops (`stopwords-vi.txt`), as written. */
  readonly viStopwords: readonly string[];
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'file not found' : error;
    throw new KnowledgeFileError(displayPath(path), String(reason instanceof Error ? reason.message : reason));
  }
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Loads `<knowledgeDir>/dict/`. */
export function loadDictionaries(knowledgeDir: string): TokenizerDictionaries {
  const dir = join(knowledgeDir, 'dict');
  return {
    zhUserDict: readText(join(dir, 'legal-zh.txt')),
    zhStopwords: lines(readText(join(dir, 'stopwords-zh.txt'))),
    viStopwords: lines(readText(join(dir, 'stopwords-vi.txt'))),
  };
}
