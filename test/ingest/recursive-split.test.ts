import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { describe, expect, it } from 'vitest';
import { recursiveSplit, type RecursiveSplitOptions } from '../../src/ingest/recursive-split.js';
import { SERVICE_SPLIT } from '../../src/ingest/split-service-passages.js';

/** What LangChain's splitter, which recursiveSplit replaces at start-up, makes of the text. */
function reference(text: string, options: RecursiveSplitOptions): Promise<string[]> {
  return new RecursiveCharacterTextSplitter({ ...options, separators: [...options.separators] }).splitText(text);
}

const serviceTexts = ['cn', 'vn'].flatMap((j) => {
  const dir = join('knowledge/services', j);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name: `${j}/${f}`, text: readFileSync(join(dir, f), 'utf8').normalize('NFC') }));
});

describe('recursiveSplit', () => {
  it('cuts every union-service text exactly as LangChain does, long sections included', async () => {
    expect(serviceTexts.length).toBeGreaterThan(3);
    let cut = 0;
    for (const { name, text } of serviceTexts) {
      // Section bodies as split-service-passages.ts hands them over, and the whole file.
      const sections = text.split(/\n#{1,6}\s+[^\n]*\n/).map((s) => s.trim());
      for (const body of [text, ...sections]) {
        const mine = recursiveSplit(body, SERVICE_SPLIT);
        expect(mine, name).toEqual(await reference(body, SERVICE_SPLIT));
        if (mine.length > 1) cut += 1;
      }
    }
    // The comparison covers texts that really are cut into several chunks.
    expect(cut).toBeGreaterThan(4);
  });

  it('matches LangChain on other sizes, overlaps and separators, down to single characters', async () => {
    const sample = serviceTexts.map((t) => t.text).join('\n\n');
    const cases: RecursiveSplitOptions[] = [
      { chunkSize: 40, chunkOverlap: 0, separators: SERVICE_SPLIT.separators },
      { chunkSize: 120, chunkOverlap: 30, separators: SERVICE_SPLIT.separators },
      { chunkSize: 25, chunkOverlap: 5, separators: ['\n\n', '。', ''] },
      { chunkSize: 60, chunkOverlap: 0, separators: ['\n', '.*?'] },
    ];
    for (const options of cases) {
      for (const text of [sample.slice(0, 3000), 'x'.repeat(130), '', '  \n\n  ', 'a.*?b.*?c'.repeat(30)]) {
        expect(recursiveSplit(text, options)).toEqual(await reference(text, options));
      }
    }
  });
});
