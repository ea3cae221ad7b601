/**
 * Recursive character splitting with the same output as LangChain's `RecursiveCharacterTextSplitter`
 * (keepSeparator on, length in UTF-16 units), for the settings split-service-passages.ts uses. Loading
 * `@langchain/textsplitters` pulls in `@langchain/core` and cost about 0.6 s CPU at every start of the bot;
 * test/ingest/recursive-split.test.ts checks this port against the library on the knowledge texts.
 */
export interface RecursiveSplitOptions {
  readonly chunkSize: number;
  readonly chunkOverlap: number;
  /** Tried in order; the empty string (split into characters) is the last resort. */
  readonly separators: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[/\-\\^$*+?.()|[\]{}]/g, '\\$&');
}

/** Splits before each separator, keeping it at the start of the next piece. */
function splitOnSeparator(text: string, separator: string): string[] {
  const splits = separator ? text.split(new RegExp(`(?=${escapeRegExp(separator)})`)) : text.split('');
  return splits.filter((s) => s !== '');
}

function mergeSplits(splits: readonly string[], options: RecursiveSplitOptions): string[] {
  const docs: string[] = [];
  const current: string[] = [];
  let total = 0;
  const flush = (): void => {
    const doc = current.join('').trim();
    if (doc !== '') docs.push(doc);
  };
  for (const piece of splits) {
    if (total + piece.length > options.chunkSize && current.length > 0) {
      flush();
      while (total > options.chunkOverlap || (total + piece.length > options.chunkSize && total > 0)) {
        total -= current.shift()!.length;
      }
    }
    current.push(piece);
    total += piece.length;
  }
  flush();
  return docs;
}

/** Cuts `text` at the first separator it contains, recursing into pieces still at or over chunkSize. */
export function recursiveSplit(text: string, options: RecursiveSplitOptions): string[] {
  const { separators } = options;
  let separator = separators[separators.length - 1] ?? '';
  let rest: readonly string[] | undefined;
  for (let i = 0; i < separators.length; i += 1) {
    const s = separators[i]!;
    if (s === '') {
      separator = s;
      break;
    }
    if (text.includes(s)) {
      separator = s;
      rest = separators.slice(i + 1);
      break;
    }
  }
  const out: string[] = [];
  let good: string[] = [];
  for (const piece of splitOnSeparator(text, separator)) {
    if (piece.length < options.chunkSize) {
      good.push(piece);
      continue;
    }
    if (good.length) {
      out.push(...mergeSplits(good, options));
      good = [];
    }
    if (rest) out.push(...recursiveSplit(piece, { ...options, separators: rest }));
    else out.push(piece);
  }
  if (good.length) out.push(...mergeSplits(good, options));
  return out;
}
