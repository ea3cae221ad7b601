import type { DocLanguage } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese } from '../language/vietnamese.js';

/** Comparable units of a text: Chinese character bigrams, or folded Vietnamese syllables. */
function units(text: string, language: DocLanguage): Set<string> {
  if (language === 'zh') {
    const chars = [...toSimplified(text).replace(/[^\p{Script=Han}\p{N}]/gu, '')];
    const out = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i]! + chars[i + 1]!);
    return out;
  }
  const syllables = foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((s) => s.length > 1);
  const out = new Set<string>(syllables);
  for (let i = 0; i + 1 < syllables.length; i += 1) out.add(`${syllables[i]}_${syllables[i + 1]}`);
  return out;
}

/** A statement that introduces a list ("…应当认定为工伤：", "…như sau:"): never an answer on its own. */
const HEADING = /[：:]\s*$/u;
/** An enumerated item: （一） / (一) / a) / 1. */
const ITEM = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[a-zđ]\)\s|\d+\.\s)/u;
/** Definitions and cross-references read as the wrong first line ("本条所称月工资是指…"). */
const DEFINITION = /^(?:本条所称|本法所称|本规定所称|本条例所称|前款规定|前款所称)/u;

function overlapOf(s: string, q: Set<string>, language: DocLanguage): number {
  const u = units(s, language);
  let hits = 0;
  for (const x of u) if (q.has(x)) hits += 1;
  return q.size === 0 ? 0 : hits / q.size;
}

/**
 * The full statement (a Chinese sentence up to 。, or a Vietnamese clause line)
 * that matches the question best: the one-line direct answer should read as a
 * complete rule, not a fragment after a semicolon. A list heading is answered
 * together with its best-matching item ("…应当认定为工伤：（六）在上下班途中…"),
 * and definitions only win when nothing else matches.
 */
function bestStatement(
  text: string,
  q: Set<string>,
  language: DocLanguage,
): { s: string; overlap: number } | undefined {
  const statements = text
    .split(language === 'zh' ? /(?<=。)|\n+/u : /\n+/u)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  let best: { s: string; overlap: number; score: number } | undefined;
  statements.forEach((s, index) => {
    let statement = s;
    let overlap = overlapOf(s, q, language);
    if (HEADING.test(s)) {
      // Pair the heading with its best item; the pair competes as one statement.
      let item: { s: string; overlap: number } | undefined;
      for (let i = index + 1; i < statements.length && ITEM.test(statements[i]!); i += 1) {
        const o = overlapOf(statements[i]!, q, language);
        if (!item || o > item.overlap) item = { s: statements[i]!, overlap: o };
      }
      if (!item) return;
      statement = `${s}${language === 'zh' ? '' : ' '}${item.s}`;
      overlap = overlapOf(statement, q, language);
    }
    const penalty = DEFINITION.test(s) ? 0.5 : 0;
    const score = overlap - penalty + (index === 0 ? 0.05 : 0) - index * 0.001;
    if (!best || score > best.score) best = { s: statement, overlap, score };
  });
  return best;
}

/** Splits an article into sentences (Chinese 。；, Vietnamese clause lines and full stops). */
export function splitSentences(text: string, language: DocLanguage): string[] {
  const pieces =
    language === 'zh'
      ? text.split(/(?<=[。；])|\n+/u)
      : // A sentence ends at . or ; after a word (not after a clause number like "1.").
        text.split(/\n+|(?<=[\p{L})][.;])\s+(?=\p{Lu}|\d+\.\s|[a-zđ]\)\s)/u);
  return pieces.map((s) => s.trim()).filter((s) => s.length > 0);
}

export interface Excerpt {
  /** The quoted text, with "……" where sentences were left out. */
  readonly text: string;
  /** The single sentence that best matches the question. */
  readonly bestSentence: string;
  /** Overlap of the best sentence with the question, 0..1. */
  readonly bestOverlap: number;
}

/** An article reference: "第三十八条", "第38条第二款", "Điều 35", "khoản 2". */
const ARTICLE_REF =
  /第[零〇一二三四五六七八九十百千\d]+条(?:第[零〇一二三四五六七八九十\d]+款)?|(?:điều|khoản|dieu|khoan)\s*\d+/giu;

/**
 * The question without the passage's own law name and article numbers: "劳动合同法第三十八条" says which
 * article, not which of its items ("劳动合同无效" shares 劳动合同); what is left picks the sentence.
 */
export function withoutReference(query: string, law: string | undefined, language: DocLanguage): string {
  // Vietnamese is compared folded (units() folds too), so a name typed without diacritics is found.
  const norm = (t: string) => (language === 'zh' ? toSimplified(t) : foldVietnamese(t).toLowerCase());
  let out = norm(query);
  // The name with and without its year ("Bộ luật Lao động 2019").
  if (law) for (const name of new Set([law, law.replace(/\s*\d{4}$/u, '')])) out = out.split(norm(name)).join(' ');
  return out.replace(ARTICLE_REF, ' ').replace(/[《》]/gu, ' ');
}

/**
 * Picks the sentences of a passage that match the question best, kept in
 * their original order and within `maxChars`, so a long article is quoted
 * where it answers the question rather than from its first line. `law` is the
 * passage's law name: it and article numbers in the question are not matched,
 * so a question that only names the article gets the article's opening.
 */
export function selectExcerpt(
  passageText: string,
  query: string,
  language: DocLanguage,
  maxChars: number,
  law?: string,
): Excerpt {
  const sentences = splitSentences(passageText, language);
  if (sentences.length === 0) return { text: '', bestSentence: '', bestOverlap: 0 };
  const q = units(withoutReference(query, law, language), language);
  const scored = sentences.map((s, index) => {
    const u = units(s, language);
    let hits = 0;
    for (const x of u) if (q.has(x)) hits += 1;
    // Favour matching many query units; on a tie the earlier sentence wins (statutes state the
    // rule first, exceptions after), with a slight bonus for the opening sentence.
    const overlap = q.size === 0 ? 0 : hits / q.size;
    return { s, index, overlap, score: overlap + (index === 0 ? 0.05 : 0) - index * 0.001 };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const best = bestStatement(passageText, q, language) ?? ranked[0]!;
  if (passageText.length <= maxChars) {
    return { text: passageText.trim(), bestSentence: best.s, bestOverlap: best.overlap };
  }
  const chosen = new Set<number>();
  let used = 0;
  for (const item of ranked) {
    if (used + item.s.length > maxChars && chosen.size > 0) continue;
    chosen.add(item.index);
    used += item.s.length;
    if (used >= maxChars) break;
  }
  // An item is quoted with the heading it belongs to ("…应当认定为工伤：" before "（六）…").
  for (const i of [...chosen]) {
    if (!ITEM.test(sentences[i]!)) continue;
    let h = i - 1;
    while (h >= 0 && ITEM.test(sentences[h]!)) h -= 1;
    if (h >= 0 && HEADING.test(sentences[h]!)) chosen.add(h);
  }
  const ordered = [...chosen].sort((a, b) => a - b);
  const parts: string[] = [];
  let previous = -1;
  for (const i of ordered) {
    if (i !== previous + 1) parts.push('……');
    parts.push(sentences[i]!);
    previous = i;
  }
  if (previous !== sentences.length - 1) parts.push('……');
  const joiner = language === 'zh' ? '' : ' ';
  let text = parts
    .join(joiner)
    .replace(/(……\s*)+/g, '…… ')
    .trim();
  if (text.length > maxChars * 1.5) text = `${text.slice(0, Math.round(maxChars * 1.5))}……`;
  return { text, bestSentence: best.s, bestOverlap: best.overlap };
}
