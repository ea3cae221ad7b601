import { loadEraseCommandPhrases } from '../knowledge/load-conversation.js';

/** Lower case, NFC, without spaces and punctuation: "Xóa dữ liệu của tôi!" matches "xóa dữ liệu của tôi". */
const normalize = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** Recognizes a worker's "delete my data" request. */
export type EraseCommandMatcher = (text: string) => boolean;

export function createEraseCommandMatcher(phrases: readonly string[]): EraseCommandMatcher {
  const set = new Set(phrases.map(normalize));
  return (text) => text.length <= 60 && set.has(normalize(text));
}

/** Loads `knowledge/conversation/erase-commands.json`. */
export function loadEraseCommands(knowledgeDir: string): EraseCommandMatcher {
  return createEraseCommandMatcher(loadEraseCommandPhrases(knowledgeDir).phrases);
}
