import type { Lang, Passage } from '../core/types.js';
import type { ArticleReference } from '../citations/parse-references.js';
import type { ArticleLookup } from '../citations/verify-citations.js';
import { detectLang } from '../language/detect-lang.js';
import type { Draft } from './draft-schema.js';
import { extractQuantities } from './quantities.js';

/** Kinds of verification failure, counted separately. */
export type VerificationFailure =
  | 'no_citation'
  | 'unknown_passage'
  | 'unknown_article'
  | 'article_not_in_force'
  | 'unsupported_number'
  | 'wrong_language';

export interface VerificationResult {
  readonly ok: boolean;
  readonly failures: readonly { kind: VerificationFailure; detail: string }[];
}

export interface VerifyDeps {
  readonly findReferences: (text: string) => ArticleReference[];
  readonly lookup: ArticleLookup;
}

const MARKER = /\[(\d+)\]/g;

/**
 * Checks a draft before it may be sent: it cites only retrieved passages,
 * every law and article it names exists and is in force, every quantity it
 * states (days, multiples, percentages) appears in the passages it cites, and
 * it is written in the worker's language and script.
 */
export function verifyDraft(
  draft: Draft,
  passages: readonly Passage[],
  lang: Lang,
  deps: VerifyDeps,
): VerificationResult {
  const failures: { kind: VerificationFailure; detail: string }[] = [];
  const markers = [...draft.answer.matchAll(MARKER)].map((m) => Number(m[1]));
  const cited = [...new Set([...draft.cited, ...markers])];
  if (cited.length === 0) failures.push({ kind: 'no_citation', detail: 'the answer cites no passage' });
  for (const n of cited) {
    if (!Number.isInteger(n) || n < 1 || n > passages.length)
      failures.push({ kind: 'unknown_passage', detail: `[${n}] is not one of the ${passages.length} passages` });
  }
  for (const ref of deps.findReferences(draft.answer)) {
    const article = deps.lookup.get(ref.docId, ref.article);
    if (!article) failures.push({ kind: 'unknown_article', detail: `${ref.raw} does not exist` });
    else if (!article.inForce) failures.push({ kind: 'article_not_in_force', detail: `${ref.raw} is not in force` });
  }
  const citedPassages = cited.filter((n) => n >= 1 && n <= passages.length).map((n) => passages[n - 1]!);
  const supported = new Set<string>();
  for (const p of citedPassages) for (const q of extractQuantities(p.text)) supported.add(q);
  for (const q of extractQuantities(draft.answer)) {
    if (!supported.has(q))
      failures.push({ kind: 'unsupported_number', detail: `${q.replace(':', ' ')} is not in the cited passages` });
  }
  const detected = detectLang(draft.answer).lang;
  if (detected !== lang)
    failures.push({
      kind: 'wrong_language',
      detail: `answer is in ${detected ?? 'no known language'}, worker wrote ${lang}`,
    });
  return { ok: failures.length === 0, failures };
}
