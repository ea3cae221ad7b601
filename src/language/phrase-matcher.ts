import { normaliseText, type NormalisedText } from './normalise-text.js';
import { foldVietnamese } from './vietnamese.js';

/**
 * One phrase matcher for every phrase list (triage lexicons, query expansions,
 * scope words). A list is compiled once; a message is normalised once
 * ({@link normaliseText}) and can then be searched by any number of matchers.
 *
 * - Chinese phrases (any Han character) match as substrings of the Simplified text.
 * - Vietnamese and other Latin-script phrases match whole words: "em" is not found
 *   in "nhiệm" or "them". Punctuation in a phrase or message counts as a word break.
 * - Diacritics: see {@link DiacriticsMode}; "=" phrases are as written.
 */

/**
 * `fold`: a phrase matches with or without diacritics, on both sides (đ = d).
 * `as-typed`: when the message carries Vietnamese diacritics its words are taken as typed,
 * so "tát" is not "tất", but a word typed bare still matches ("tat" finds "tát");
 * a message without any diacritics matches every phrase's folded form.
 */
export type DiacriticsMode = 'fold' | 'as-typed';

/**
 * A phrase, or one that only matches as written in a message typed with diacritics
 * (its folded form is another word: "tát" vs "tất"; "=tát" in the triage lexicons).
 */
export type PhraseSpec = string | { readonly phrase: string; readonly asWritten: boolean };

export interface PhraseMatcherOptions {
  readonly diacritics?: DiacriticsMode;
}

/** One occurrence of a phrase in a message. */
export interface PhraseMatch {
  /** Position of the phrase in the compiled list. */
  readonly index: number;
  /** The phrase as listed. */
  readonly phrase: string;
  /** The normalised form that was found (written or folded), e.g. for danger signals. */
  readonly found: string;
  /** Start and end in {@link NormalisedText.text}. */
  readonly start: number;
  readonly end: number;
  /** Start in {@link NormalisedText.words} (the punctuation-free view word-based rules use). */
  readonly wordStart: number;
}

export interface PhraseMatcher {
  /** Number of phrases compiled. */
  readonly size: number;
  /** Every occurrence, grouped by phrase in list order, each phrase's occurrences left to right. */
  find(text: NormalisedText | string): PhraseMatch[];
  /** True when any phrase occurs (stops at the first). */
  test(text: NormalisedText | string): boolean;
}

interface Compiled {
  readonly index: number;
  readonly phrase: string;
  readonly han: boolean;
  /** Han: the Simplified phrase. Latin: its words joined by single spaces, as written (lower case). */
  readonly key: string;
  /** Latin: `key` without diacritics. */
  readonly foldedKey: string;
  readonly asWritten: boolean;
}

const HAN = /\p{Script=Han}/u;

/** A character that ends a Latin word: the padding space, or a Han character ("在icu抢救"). */
function isBreak(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || HAN.test(ch);
}

function charBefore(s: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = s.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? s.slice(at - 2, at) : s[at - 1];
}

function charAt(s: string, at: number): string | undefined {
  const cp = s.codePointAt(at);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

function compileOne(spec: PhraseSpec, index: number): Compiled {
  const phrase = typeof spec === 'string' ? spec : spec.phrase;
  const asWritten = typeof spec !== 'string' && spec.asWritten;
  const norm = normaliseText(phrase);
  if (HAN.test(norm.text)) return { index, phrase, han: true, key: norm.text, foldedKey: norm.text, asWritten };
  const key = norm.words.trim();
  if (key.length === 0) throw new Error(`Phrase without letters or digits: "${phrase}"`);
  return { index, phrase, han: false, key, foldedKey: foldVietnamese(key), asWritten };
}

/** The (needle, view) pairs a Latin phrase is searched with in a message. */
function searches(c: Compiled, t: NormalisedText, mode: DiacriticsMode): [string, string][] {
  // Without any diacritics in the message, an as-written phrase cannot be told from its folded twin.
  if (c.asWritten) return t.marked ? [[c.key, t.words]] : [];
  if (mode === 'fold' || !t.marked) return [[c.foldedKey, t.folded]];
  return c.foldedKey === c.key
    ? [[c.key, t.words]]
    : [
        [c.key, t.words],
        [c.foldedKey, t.words],
      ];
}

/** Calls `emit` for each occurrence of one phrase; stops when it returns true. */
function scan(c: Compiled, t: NormalisedText, mode: DiacriticsMode, emit: (m: PhraseMatch) => boolean): boolean {
  if (c.han) {
    for (let at = t.text.indexOf(c.key); at >= 0; at = t.text.indexOf(c.key, at + 1)) {
      const m = { index: c.index, phrase: c.phrase, found: c.key, start: at, end: at + c.key.length };
      if (emit({ ...m, wordStart: t.textToWord[at] ?? 0 })) return true;
    }
    return false;
  }
  for (const [needle, view] of searches(c, t, mode)) {
    for (let at = view.indexOf(needle); at >= 0; at = view.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!isBreak(charBefore(view, at)) || !isBreak(charAt(view, end))) continue;
      const start = t.wordToText[at] ?? 0;
      const m = { index: c.index, phrase: c.phrase, found: needle, start, end: (t.wordToText[end - 1] ?? start) + 1 };
      if (emit({ ...m, wordStart: at })) return true;
    }
  }
  return false;
}

/** Compiles a phrase list once (normalising each phrase as messages are normalised). */
export function compilePhrases(specs: readonly PhraseSpec[], options: PhraseMatcherOptions = {}): PhraseMatcher {
  const mode = options.diacritics ?? 'fold';
  const compiled = specs.map(compileOne);
  const asText = (t: NormalisedText | string) => (typeof t === 'string' ? normaliseText(t) : t);
  return {
    size: compiled.length,
    find(text) {
      const t = asText(text);
      const out: PhraseMatch[] = [];
      for (const c of compiled) {
        scan(c, t, mode, (m) => {
          out.push(m);
          return false;
        });
      }
      return out;
    },
    test(text) {
      const t = asText(text);
      return compiled.some((c) => scan(c, t, mode, () => true));
    },
  };
}
