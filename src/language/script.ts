import * as OpenCC from 'opencc-js';

/**
 * Chinese script conversion with OpenCC. Traditional text is folded to
 * Simplified for matching (the statutes are Simplified), and answers are
 * converted back for workers who write Traditional.
 */
const traditionalToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hongKongToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Converts Traditional Chinese (Taiwan or Hong Kong forms) to Simplified. Other text passes through. */
export function toSimplified(text: string): string {
  return hongKongToSimplified(traditionalToSimplified(text));
}

/** Converts Simplified Chinese to Traditional (Taiwan standard forms). */
export function toTraditional(text: string): string {
  return simplifiedToTraditional(text);
}
