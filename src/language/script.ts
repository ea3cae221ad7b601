import * as OpenCC from 'opencc-js';

/**
 * Chinese script conversion with OpenCC. Traditional text is folded to
 * Simplified for matching (the statutes are Simplified), and answers are
 * converted back for workers who write Traditional.
 */
const traditionalToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hongKongToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
// Built on first use: its phrase dictionary takes about 0.2 s of CPU to load, and only replies to workers
// who write Traditional need it.
let simplifiedToTraditional: ((text: string) => string) | undefined;

/** Converts Traditional Chinese (Taiwan or Hong Kong forms) to Simplified. Other text passes through. */
export function toSimplified(text: string): string {
  return hongKongToSimplified(traditionalToSimplified(text));
}

/** Converts Simplified Chinese to Traditional (Taiwan standard forms). */
export function toTraditional(text: string): string {
  const convert = (simplifiedToTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}
