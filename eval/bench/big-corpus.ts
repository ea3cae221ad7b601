import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DocumentMeta, KnowledgeBase, Passage } from '../../src/core/types.js';
import { parseZhStatute } from '../../src/ingest/parse-zh-statute.js';

/** Unpacks a `.tar.gz` with the system `tar` into a new temporary folder and returns it. */
export function unpackTarball(tarball: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zh-all-laws-'));
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  return dir;
}

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...markdownFiles(path));
    else if (name.endsWith('.md') && name !== '_index.md') files.push(path);
  }
  return files;
}

/**
 * Parses a folder of PRC statutes in Markdown (one file per document, named
 * `劳动合同法(2012-12-28).md`) into an in-memory knowledge base: one passage
 * per article, one document per file, the short title taken from the file
 * name without its date. Files without numbered articles are skipped.
 */
export function loadZhCorpusDir(dir: string, limit = Infinity): KnowledgeBase & { files: number } {
  const files = markdownFiles(dir).slice(0, limit);
  const documents: DocumentMeta[] = [];
  const passages: Passage[] = [];
  files.forEach((file, i) => {
    const parsed = parseZhStatute(readFileSync(file, 'utf8'));
    if (parsed.articles.length === 0) return;
    const law = basename(file, '.md').replace(/\(\d{4}-\d{2}-\d{2}\)$/, '');
    const docId = `cn/all-${i}`;
    documents.push({ docId, jurisdiction: 'CN', language: 'zh', kind: 'statute', law, title: parsed.title || law, aliases: [], inForce: true });
    const seen = new Set<string>();
    for (const a of parsed.articles) {
      // 第X条之一 shares X with 第X条: keep both under distinct ids.
      const id = seen.has(`${docId}#${a.article}`) ? `${docId}#${a.article}-${a.label}` : `${docId}#${a.article}`;
      seen.add(id);
      passages.push({ id, docId, kind: 'article', jurisdiction: 'CN', language: 'zh', law, title: parsed.title || law, article: a.article, headings: a.headings, text: a.text, clauses: a.clauses, inForce: true });
    }
  });
  return { documents, passages, contentHash: `zh-all-${files.length}-${passages.length}`, files: files.length };
}
