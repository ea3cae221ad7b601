import { parseChineseNumeral } from '../language/chinese-numerals.js';
import { HeadingStack } from './heading-stack.js';

/** One article parsed from a Chinese statute. */
export interface ParsedArticle {
  readonly article: number;
  /** The label as written, e.g. 第八十二条. */
  readonly label: string;
  /** Chapter / section headings above it, outermost first. */
  readonly headings: readonly string[];
  /** Article text without its label, paragraphs joined by newlines. */
  readonly text: string;
  readonly clauses: readonly string[];
  /** Vietnamese caption, when the statute has one. */
  readonly caption?: string;
}

/** A headed section of a document that has no numbered articles (a notice, a guide). */
export interface ParsedSection {
  readonly heading: string;
  readonly headings: readonly string[];
  readonly text: string;
}

export interface ParsedStatute {
  readonly title: string;
  readonly articles: readonly ParsedArticle[];
  /** Filled when the document has no articles. */
  readonly sections: readonly ParsedSection[];
}

// 第八十二条 followed by a space or an ideographic space; 第X条之一 is kept as its own label.
const ARTICLE_LINE = /^第([零〇一二两三四五六七八九十百千\d]+)条(之[一二三四五六七八九十]+)?[ \u3000]+(.*)$/u;
const HEADING_LINE = /^(#{2,6})\s+(.+)$/u;

/**
 * Splits a Chinese statute in Markdown into articles. Headings (## 第一章,
 * ### 第一节) become the article's context; paragraphs become clauses.
 * Documents without 第N条 lines are split into headed sections instead.
 */
export function parseZhStatute(markdown: string): ParsedStatute {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let title = '';
  const headingStack = new HeadingStack();
  const articles: { article: number; label: string; headings: string[]; paragraphs: string[] }[] = [];
  const sections: { heading: string; headings: string[]; paragraphs: string[] }[] = [];
  let current: (typeof articles)[number] | undefined;
  let currentSection: (typeof sections)[number] | undefined;
  const preamble: string[] = [];

  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# ') && title === '') {
      title = line.slice(2).trim();
      continue;
    }
    const heading = HEADING_LINE.exec(line);
    if (heading) {
      headingStack.push(heading[1]!.length, heading[2]!.trim());
      current = undefined;
      currentSection = { heading: heading[2]!.trim(), headings: headingStack.texts(), paragraphs: [] };
      sections.push(currentSection);
      continue;
    }
    const match = ARTICLE_LINE.exec(line);
    const number = match ? parseChineseNumeral(match[1]!) : undefined;
    if (match && number !== undefined && !match[2]) {
      current = { article: number, label: `第${match[1]}条`, headings: headingStack.texts(), paragraphs: [] };
      if (match[3]!.trim()) current.paragraphs.push(match[3]!.trim());
      articles.push(current);
      continue;
    }
    if (match && match[2] && current) {
      // 第X条之一 is an inserted article; keep its text with the article it follows.
      current.paragraphs.push(line);
      continue;
    }
    if (current) current.paragraphs.push(line);
    else if (currentSection) currentSection.paragraphs.push(line);
    else preamble.push(line);
  }

  return {
    title,
    articles: articles.map((a) => ({
      article: a.article,
      label: a.label,
      headings: a.headings,
      text: a.paragraphs.join('\n'),
      clauses: a.paragraphs,
    })),
    sections:
      articles.length > 0
        ? []
        : [
            ...(preamble.length > 0 ? [{ heading: title, headings: [], text: preamble.join('\n') }] : []),
            ...sections
              .filter((s) => s.paragraphs.length > 0)
              .map((s) => ({ heading: s.heading, headings: s.headings, text: s.paragraphs.join('\n') })),
          ],
  };
}
