import { toSimplified } from '../language/script.js';
import { foldVietnamese } from '../language/vietnamese.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;

/**
 * Features of a message for the triage classifier, the same at training and
 * at run time: Chinese character 1-3-grams (Simplified), Vietnamese word 1-2-grams
 * and in-word character 3-grams on the folded form, so "tát em" and "tat em",
 * typos and Traditional forms share features.
 */
export function textFeatures(text: string): string[] {
  const out = new Set<string>();
  const zh = toSimplified(text.toLowerCase());
  for (const run of zh.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i += 1) {
      out.add(`c:${chars[i]}`);
      if (i + 1 < chars.length) out.add(`c:${chars[i]}${chars[i + 1]}`);
      if (i + 2 < chars.length) out.add(`c:${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
    }
  }
  const latin = foldVietnamese(text.replace(HAN_RUN, ' '));
  const words = latin.match(LATIN_WORD) ?? [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    out.add(`w:${w}`);
    if (i + 1 < words.length) out.add(`w:${w}_${words[i + 1]}`);
    const padded = `<${w}>`;
    if (padded.length > 4) for (let j = 0; j + 3 <= padded.length; j += 1) out.add(`g:${padded.slice(j, j + 3)}`);
  }
  return [...out];
}
