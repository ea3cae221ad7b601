/**
 * Reads statute Markdown files and splits them into articles by their own
 * headings ("第八十二条 ..." / "Điều 35. ..."), independently of the
 * project's ingest code, so the dataset checker is a second opinion on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One statute document with its articles keyed by number. */
export interface StatuteDoc {
  /** Short citation title: `劳动合同法`, `Bộ luật Lao động 2019`. */
  readonly law: string;
  /** Other accepted names (full title, aliases, official number). */
  readonly names: readonly string[];
  readonly number?: string;
  readonly inForce: boolean;
  readonly file: string;
  readonly articles: ReadonlyMap<number, string>;
}

const DIGITS = '零一二三四五六七八九';

/** 八十二 -> 82, 一百零三 -> 103, 十 -> 10. */
export function chineseNumeralToInt(numeral: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of numeral) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) digit = d;
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
      if (unit === 0) throw new Error(`not a Chinese numeral: ${numeral}`);
      total += (digit === 0 ? 1 : digit) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

const ZH_HEADING = /^第([零一二三四五六七八九十百千]+)条[\s\u3000]/u;
const VI_HEADING = /^Điều (\d+)\./u;

/**
 * Splits a statute text into articles. An article runs from its heading to
 * the next article heading, Markdown heading (chapter/section) or footnote
 * definition. The heading line itself (with the Vietnamese caption) is kept.
 */
export function splitArticles(text: string, language: 'zh' | 'vi'): Map<number, string> {
  const heading = language === 'zh' ? ZH_HEADING : VI_HEADING;
  const articles = new Map<number, string>();
  let current: number | undefined;
  let lines: string[] = [];
  const flush = (): void => {
    if (current === undefined) return;
    if (articles.has(current)) throw new Error(`article ${current} appears twice`);
    articles.set(current, lines.join('\n').trim());
  };
  for (const line of text.normalize('NFC').split(/\r?\n/)) {
    const m = heading.exec(line);
    if (m?.[1]) {
      flush();
      current = language === 'zh' ? chineseNumeralToInt(m[1]) : Number(m[1]);
      lines = [line];
    } else if (line.startsWith('#') || /^\[\^[^\]]+\]:/.test(line)) {
      flush();
      current = undefined;
      lines = [];
    } else if (current !== undefined) lines.push(line);
  }
  flush();
  return articles;
}

const knowledgeManifestSchema = z.array(
  z.looseObject({
    file: z.string(),
    law: z.string(),
    title: z.string(),
    aliases: z.array(z.string()).default([]),
    number: z.string().optional(),
    in_force: z.boolean().default(true),
  }),
);

const corpusManifestSchema = z.array(
  z.looseObject({
    file: z.string(),
    title: z.string(),
    number: z.string().optional(),
    doc_type: z.string().optional(),
    status_note: z.string().optional(),
  }),
);

/** Short title for a shared-corpus document, following the project's citation style. */
function shortTitle(title: string, number: string | undefined, docType: string | undefined): string {
  if (!number) return title.replace(/^中华人民共和国/, '');
  if (docType === 'decree') return `Nghị định ${number}`;
  const year = /\/(\d{4})\//.exec(number)?.[1];
  return year ? `${title} ${year}` : title;
}

function loadFolder(dir: string, language: 'zh' | 'vi', fromKnowledge: boolean): StatuteDoc[] {
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'MANIFEST.json'), 'utf8'));
  if (fromKnowledge) {
    return knowledgeManifestSchema.parse(raw).map((m) => ({
      law: m.law,
      names: [m.title, ...m.aliases, ...(m.number ? [m.number] : [])],
      number: m.number,
      inForce: m.in_force,
      file: join(dir, m.file),
      articles: splitArticles(readFileSync(join(dir, m.file), 'utf8'), language),
    }));
  }
  return corpusManifestSchema.parse(raw).map((m) => ({
    law: shortTitle(m.title, m.number, m.doc_type),
    names: [m.title, ...(m.number ? [m.number] : [])],
    number: m.number,
    inForce: !/NO LONGER IN FORCE/i.test(m.status_note ?? ''),
    file: join(dir, m.file),
    articles: splitArticles(readFileSync(join(dir, m.file), 'utf8'), language),
  }));
}

/** Where the statutes were read from, and the documents. */
export interface StatuteSet {
  readonly source: string;
  readonly docs: readonly StatuteDoc[];
}

/**
 * Loads `knowledge/statutes/{cn,vn}` when present, otherwise the shared
 * corpus `{zh,vi}` folders (used while the knowledge copy is being made).
 */
export function loadStatutes(knowledgeDir: string, corpusDir: string): StatuteSet {
  const cn = join(knowledgeDir, 'cn');
  const vn = join(knowledgeDir, 'vn');
  if (existsSync(join(cn, 'MANIFEST.json')) && existsSync(join(vn, 'MANIFEST.json'))) {
    return { source: knowledgeDir, docs: [...loadFolder(cn, 'zh', true), ...loadFolder(vn, 'vi', true)] };
  }
  return {
    source: corpusDir,
    docs: [...loadFolder(join(corpusDir, 'zh'), 'zh', false), ...loadFolder(join(corpusDir, 'vi'), 'vi', false)],
  };
}
