import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const schema = z.object({ phrases: z.array(z.string().min(1)).min(1) });

/** Lower case, NFC, without spaces and punctuation: "Xóa dữ liệu của tôi!" matches "xóa dữ liệu của tôi". */
const normalize = (text: string) => text.normalize('NFC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** Recognizes a worker's "delete my data" request. */
export type EraseCommandMatcher = (text: string) => boolean;

export function createEraseCommandMatcher(phrases: readonly string[]): EraseCommandMatcher {
  const set = new Set(phrases.map(normalize));
  return (text) => text.length <= 60 && set.has(normalize(text));
}

/** Loads `knowledge/conversation/erase-commands.json`. */
export function loadEraseCommands(knowledgeDir: string): EraseCommandMatcher {
  const path = join(knowledgeDir, 'conversation', 'erase-commands.json');
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid erase commands in ${path}: ${parsed.error.issues[0]?.message}`);
  return createEraseCommandMatcher(parsed.data.phrases);
}
