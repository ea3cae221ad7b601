/**
 * Splits a long reply into WeChat-sized messages at sentence boundaries
 * (。！？.!? and line breaks), falling back to a hard cut only for a single
 * sentence longer than the limit. Citation labels (《…》第…条) stay whole.
 */
export function splitMessage(text: string, maxLength: number): string[] {
  if (text.length <= maxLength) return [text];
  const sentences = text.split(/(?<=[。！？!?；\n]|\.\s)/u).filter((s) => s.length > 0);
  const parts: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current.length + sentence.length <= maxLength) {
      current += sentence;
      continue;
    }
    if (current.trim()) parts.push(current.trim());
    current = '';
    let rest = sentence;
    while (rest.length > maxLength) {
      // Cut before a citation label if one straddles the limit.
      let cut = maxLength;
      const open = rest.lastIndexOf('《', cut);
      const close = rest.indexOf('条', open);
      if (open > maxLength / 2 && (close < 0 || close >= cut)) cut = open;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
