import { readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { join } from 'node:path';

/**
 * Markdown files of a law collection in the LawRefBook layout (one file per
 * document, sub-folders by category, `_index.md` folder notes), sorted so
 * ids and hashes are stable.
 */
export function lawMarkdownFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...lawMarkdownFiles(path));
    else if (name.endsWith('.md') && name !== '_index.md') files.push(path);
  }
  return files;
}

/** `劳动合同法(2012-12-28).md` -> `劳动合同法`: the file name without extension and date. */
export function lawFileStem(file: string): string {
  return basename(file, '.md').replace(/\(\d{4}-\d{2}-\d{2}\)$/, '');
}

/** `中华人民共和国劳动合同法` -> `劳动合同法`, the short title statutes are cited by. */
export function shortLawTitle(title: string): string {
  return title.trim().replace(/^中华人民共和国/, '');
}

/**
 * Passage id of an article; 第X条之一 shares X with 第X条, so a repeated
 * number gets the label as suffix. `seen` collects the ids of one document.
 */
export function articlePassageId(
  docId: string,
  article: { readonly article: number; readonly label: string },
  seen: Set<string>,
): string {
  const plain = `${docId}#${article.article}`;
  const id = seen.has(plain) ? `${plain}-${article.label}` : plain;
  seen.add(id);
  return id;
}
