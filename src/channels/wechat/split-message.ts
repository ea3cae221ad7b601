/**
 * Splits a long reply into WeChat-sized messages.
 *
 * Cuts fall at sentence ends (。！？.!? ；, line breaks); a single sentence
 * longer than the limit is cut at a comma or space, and a hard cut is the last
 * resort. No cut falls inside a citation (《劳动合同法》第八十二条,
 * "Điều 35 Bộ luật Lao động 2019") unless the citation alone is longer than
 * a message. Whitespace at the cut is dropped; no other text is lost.
 */
export function splitMessage(text: string, maxLength: number): string[] {
  if (maxLength < 1) throw new RangeError('maxLength must be positive');
  if (text.length <= maxLength) return [text];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.trim();
    if (trimmed) parts.push(trimmed);
    current = '';
  };
  for (const sentence of sentencesOf(text)) {
    if (current.length + sentence.length <= maxLength) {
      current += sentence;
      continue;
    }
    flush();
    let rest = sentence;
    while (rest.trim().length > maxLength) {
      const cut = cutPoint(rest, maxLength);
      current = rest.slice(0, cut);
      flush();
      rest = rest.slice(cut);
    }
    current = rest;
  }
  flush();
  return parts;
}

/** Sentence pieces with their end marks (and trailing whitespace) kept, so joining them gives the text back. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。！？!?；;\n]|[.…]\s)/u).filter((s) => s.length > 0);
}

const CN_NUMERAL = '[〇零一二三四五六七八九十百千0-9０-９]';
/** Citation shapes that must stay on one message. */
const CITATION = new RegExp(
  [
    `《[^《》\\n]{1,40}》(?:第${CN_NUMERAL}+条(?:第${CN_NUMERAL}+款)?(?:第${CN_NUMERAL}+项)?)?`,
    `第${CN_NUMERAL}+条(?:第${CN_NUMERAL}+款)?`,
    `(?:[Kk]hoản \\d+,? )?Điều \\d+(?: (?:của )?(?:Bộ luật|Luật|Nghị định|Thông tư)(?:[^.,;:\\n]{0,60}?\\d{4})?)?`,
  ].join('|'),
  'gu',
);

/**
 * Where to cut a piece longer than `maxLength`: a comma or space in the second
 * half, else right before a citation that straddles the limit, else any point
 * outside citations in the second half, else the limit itself.
 */
function cutPoint(piece: string, maxLength: number): number {
  const spans = [...piece.matchAll(CITATION)].map((m) => [m.index, m.index + m[0].length] as const);
  const inside = (pos: number) => spans.some(([start, end]) => pos > start && pos < end);
  const floor = Math.floor(maxLength / 2);
  for (let pos = maxLength; pos > floor; pos -= 1) {
    if (/[，、,：:\s]/u.test(piece[pos - 1] ?? '') && !inside(pos)) return pos;
  }
  const straddling = spans.find(([start, end]) => start < maxLength && end > maxLength);
  if (straddling && straddling[0] > 0) return straddling[0];
  for (let pos = maxLength; pos > floor; pos -= 1) {
    if (!inside(pos) && !isSurrogatePair(piece, pos)) return pos;
  }
  return isSurrogatePair(piece, maxLength) ? maxLength - 1 : maxLength;
}

/** True when a cut at `pos` would separate the two halves of an emoji or rare character. */
function isSurrogatePair(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos - 1);
  return code >= 0xd800 && code <= 0xdbff;
}
