import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

/** A passage of a union-service text, with the heading it sits under. */
export interface ServicePassage {
  readonly heading: string;
  readonly text: string;
}

const splitter = new RecursiveCharacterTextSplitter({
  chunkSize: 500,
  chunkOverlap: 0,
  separators: ['\n\n', '\n', '。', '. ', '；', '，', ' ', ''],
});

/**
 * Splits a union-service Markdown text into passages: one per heading
 * section, with long sections cut at paragraph and sentence boundaries
 * (~500 characters) so each passage can be quoted whole.
 */
export async function splitServicePassages(markdown: string): Promise<ServicePassage[]> {
  const sections: { heading: string; lines: string[] }[] = [];
  let current: { heading: string; lines: string[] } = { heading: '', lines: [] };
  for (const raw of markdown.normalize('NFC').replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^#{1,6}\s+(.+)$/.exec(raw.trim());
    if (heading) {
      if (current.lines.some((l) => l.trim())) sections.push(current);
      current = { heading: heading[1]!.trim(), lines: [] };
      continue;
    }
    current.lines.push(raw);
  }
  if (current.lines.some((l) => l.trim())) sections.push(current);

  const out: ServicePassage[] = [];
  for (const section of sections) {
    const body = section.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (body.length < 20) continue;
    for (const chunk of await splitter.splitText(body)) {
      const text = chunk.trim();
      if (text.length >= 20) out.push({ heading: section.heading, text });
    }
  }
  return out;
}
