import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { DocumentMeta, Passage } from '../core/types.js';
import { parseZhStatute } from './parse-zh-statute.js';
import { lawFileStem, lawMarkdownFiles, shortLawTitle } from './zh-law-folder.js';

/** Prefix of every extra document's id; retrieval ranks built-in statutes above it. */
export const EXTRA_DOC_PREFIX = 'cn-extra/';

export interface ExtraLaws {
  readonly docs: { meta: DocumentMeta; passages: Passage[] }[];
  /** Extra documents left out because a built-in statute has the same short title. */
  readonly skipped: { law: string; file: string }[];
}

// A repeal is marked in the title or the document's head (before its first article), never judged from article text.
const REPEALED = /已废止|已失效|（失效）|\(失效\)/u;
const FIRST_ARTICLE = /^第[零〇一二两三四五六七八九十百千\d]+条/mu;

/** `消费者权益保护法` stays as is; characters that would break an id or a URL are dropped. */
function slugOf(stem: string): string {
  return stem.replace(/[\s/\\#?%()（）<>《》"'`]+/gu, '-').replace(/^-+|-+$/g, '');
}

/**
 * One file per document: of several versions with the same name
 * (`职业病防治法(2017-11-04).md`, `职业病防治法(2018-12-29).md`) the latest date wins.
 */
function latestVersions(files: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const file of files) {
    const key = join(dirname(file), lawFileStem(file));
    const kept = byKey.get(key);
    if (kept === undefined || basename(file) > basename(kept)) byKey.set(key, file);
  }
  return files.filter((f) => byKey.get(join(dirname(f), lawFileStem(f))) === f);
}

/**
 * Reads a folder of PRC law texts in the LawRefBook layout (see
 * {@link lawMarkdownFiles}) as extra CN statutes with ids `cn-extra/<slug>`.
 * A document whose short title equals one in `builtinLaws` is skipped: the
 * project's reviewed statute wins. Files without numbered articles are skipped;
 * of several dated versions of one file name in a folder only the latest is read.
 */
export function loadExtraLaws(dir: string, builtinLaws: ReadonlySet<string>): ExtraLaws {
  const docs: ExtraLaws['docs'] = [];
  const skipped: ExtraLaws['skipped'] = [];
  const usedSlugs = new Set<string>();
  for (const file of latestVersions(lawMarkdownFiles(dir))) {
    const text = readFileSync(file, 'utf8');
    const parsed = parseZhStatute(text);
    if (parsed.articles.length === 0) continue;
    const stem = lawFileStem(file);
    const fullTitle = parsed.title || stem;
    const law = shortLawTitle(fullTitle);
    if (builtinLaws.has(law)) {
      skipped.push({ law, file: relative(dir, file) });
      continue;
    }
    // The Civil Code is one file per part under one title: keep the part's name in the title.
    const title = fullTitle.includes(stem) ? fullTitle : `${fullTitle}·${stem}`;
    let slug = slugOf(stem);
    if (usedSlugs.has(slug)) slug = slugOf(`${basename(dirname(file))}-${stem}`);
    for (let n = 2; usedSlugs.has(slug); n += 1) slug = `${slugOf(stem)}-${n}`;
    usedSlugs.add(slug);
    const docId = `${EXTRA_DOC_PREFIX}${slug}`;
    const head = text.slice(0, FIRST_ARTICLE.exec(text)?.index ?? text.length);
    const inForce = !REPEALED.test(fullTitle) && !REPEALED.test(head);
    const common = {
      docId,
      jurisdiction: 'CN',
      language: 'zh',
      law,
      title,
      inForce,
      source: `${EXTRA_DOC_PREFIX}${relative(dir, file).split('\\').join('/')}`,
    } as const;
    // A number seen twice (an appendix restarting at 第一条) could not be cited apart: keep the first.
    const numbers = new Set<number>();
    const articles = parsed.articles.filter((a) => !numbers.has(a.article) && numbers.add(a.article));
    const passages: Passage[] = articles.map((a) => ({
      ...common,
      id: `${docId}#${a.article}`,
      kind: 'article',
      article: a.article,
      headings: a.headings,
      text: a.text,
      clauses: a.clauses,
    }));
    docs.push({
      meta: {
        docId,
        jurisdiction: 'CN',
        language: 'zh',
        kind: 'statute',
        title,
        law,
        aliases: fullTitle === law ? [] : [fullTitle],
        inForce,
        source: common.source,
      },
      passages,
    });
  }
  return { docs, skipped };
}
