import { HeadingStack } from './heading-stack.js';
import type { ParsedArticle, ParsedStatute } from './parse-zh-statute.js';

const ARTICLE_LINE = /^Điều\s+(\d+)([a-zđ]?)\.\s*(.*)$/u;
const HEADING_LINE = /^(#{2,6})\s+(.+)$/u;
const FOOTNOTE_DEFINITION = /^\[\^[^\]]+\]:/u;
const FOOTNOTE_MARKER = /\[\^[^\]]+\]/gu;
// Metadata bullet lines at the top of the corpus files ("- Số hiệu: ...").
const META_LINE = /^- [^:]{2,40}:/u;

/**
 * Splits a Vietnamese statute in Markdown into articles ("Điều 35. Caption"),
 * with chapter and section headings (## Chương, ### Mục) as context. Markdown
 * footnotes of consolidated texts are removed from the article text.
 */
export function parseViStatute(markdown: string): ParsedStatute {
  const lines = markdown.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  let title = '';
  const headingStack = new HeadingStack();
  const articles: { article: number; label: string; caption: string; headings: string[]; paragraphs: string[] }[] = [];
  let current: (typeof articles)[number] | undefined;
  let inFootnotes = false;

  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (FOOTNOTE_DEFINITION.test(line)) {
      // Footnote definitions run to the end of the file in the corpus texts.
      inFootnotes = true;
      continue;
    }
    if (inFootnotes) continue;
    if (line.startsWith('# ') && title === '') {
      title = line.slice(2).trim();
      continue;
    }
    const heading = HEADING_LINE.exec(line);
    if (heading) {
      headingStack.push(heading[1]!.length, heading[2]!.replace(FOOTNOTE_MARKER, '').trim());
      current = undefined;
      continue;
    }
    const match = ARTICLE_LINE.exec(line);
    if (match && !match[2]) {
      const caption = match[3]!.replace(FOOTNOTE_MARKER, '').trim();
      current = {
        article: Number(match[1]),
        label: `Điều ${match[1]}`,
        caption,
        headings: headingStack.texts(),
        paragraphs: [],
      };
      articles.push(current);
      continue;
    }
    if (!current || (articles.length === 0 && META_LINE.test(line))) continue;
    current.paragraphs.push(line.replace(FOOTNOTE_MARKER, '').trim());
  }

  const parsed: ParsedArticle[] = articles.map((a) => ({
    article: a.article,
    label: a.label,
    caption: a.caption,
    headings: a.headings,
    text: a.paragraphs.join('\n'),
    clauses: a.paragraphs,
  }));
  return { title, articles: parsed, sections: [] };
}
