/**
 * Cleans raw message text: NFC, no control characters or replacement
 * characters (binary garbage), collapsed whitespace. Keeps emoji (they are
 * judged later) and all letters.
 */
export function sanitizeInput(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/g, ' ')
    .replace(/[\uD800-\uDFFF]/g, (ch, offset: number, whole: string) => {
      // Keep valid surrogate pairs (emoji), drop lone halves.
      const code = ch.charCodeAt(0);
      if (code <= 0xdbff) {
        const next = whole.charCodeAt(offset + 1);
        return next >= 0xdc00 && next <= 0xdfff ? ch : ' ';
      }
      const prev = whole.charCodeAt(offset - 1);
      return prev >= 0xd800 && prev <= 0xdbff ? ch : ' ';
    })
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** True when the text holds at least one letter or digit (not only emoji, symbols or punctuation). */
export function hasWordContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
