import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentMeta, KnowledgeBase, Passage } from '../../src/core/types.js';
import { parseZhStatute } from '../../src/ingest/parse-zh-statute.js';
import { articlePassageId, lawFileStem, lawMarkdownFiles } from '../../src/ingest/zh-law-folder.js';

/** Unpacks a `.tar.gz` with the system `tar` into a new temporary folder and returns it. */
export function unpackTarball(tarball: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zh-all-laws-'));
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  return dir;
}

/**
 * Parses a folder of PRC statutes in Markdown (one file per document, named
 * `劳动合同法(2012-12-28).md`) into an in-memory knowledge base: one passage
 * per article, one document per file, the short title taken from the file
 * name without its date. Files without numbered articles are skipped.
 */
export function loadZhCorpusDir(dir: string, limit = Infinity): KnowledgeBase & { files: number } {
  const files = lawMarkdownFiles(dir).slice(0, limit);
  const documents: DocumentMeta[] = [];
  const passages: Passage[] = [];
  files.forEach((file, i) => {
    const parsed = parseZhStatute(readFileSync(file, 'utf8'));
    if (parsed.articles.length === 0) return;
    const law = lawFileStem(file);
    const docId = `cn/all-${i}`;
    documents.push({
      docId,
      jurisdiction: 'CN',
      language: 'zh',
      kind: 'statute',
      law,
      title: parsed.title || law,
      aliases: [],
      inForce: true,
    });
    const seen = new Set<string>();
    for (const a of parsed.articles) {
      const id = articlePassageId(docId, a, seen);
      passages.push({
        id,
        docId,
        kind: 'article',
        jurisdiction: 'CN',
        language: 'zh',
        law,
        title: parsed.title || law,
        article: a.article,
        headings: a.headings,
        text: a.text,
        clauses: a.clauses,
        inForce: true,
      });
    }
  });
  return { documents, passages, contentHash: `zh-all-${files.length}-${passages.length}`, files: files.length };
}
