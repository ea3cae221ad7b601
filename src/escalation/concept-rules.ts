import { readConceptFile, type ConceptFile, type TriagePattern } from '../knowledge/load-triage.js';
import { normaliseText, type NormalisedText } from '../language/normalise-text.js';
import { compilePhrases, type PhraseMatcher, type PhraseSpec } from '../language/phrase-matcher.js';
import { compileTriageRegex } from './compile-triage-regex.js';

type Family = 'zh' | 'vi';

/** A term found in a message: where, and the words matched. */
interface Found {
  readonly at: number;
  readonly text: string;
}

/** Where one concept occurs in a message. */
type Finder = (forms: ConceptForms) => Found[];

/** Term finders of one concept: its phrases (shared phrase matcher) and its regular expressions. */
interface Finders {
  readonly phrases: Finder;
  readonly regex: Finder;
}

export interface ConceptRule {
  readonly id: string;
  readonly category: string;
  readonly level: 'urgent' | 'person';
  readonly personal: boolean;
  readonly all: readonly string[];
  readonly unless: readonly string[];
  readonly window: number;
}

/** Compiled concept lexicon of one language family. */
export interface ConceptSet {
  readonly family: Family;
  readonly finders: ReadonlyMap<string, Finders>;
  readonly rules: readonly ConceptRule[];
  /** Per category, groups of concepts: one concept of every group must occur. */
  readonly classifierRequires: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** A rule that fired, with the words that made it fire (the danger signals staff see). */
export interface ConceptHit {
  readonly ruleId: string;
  readonly category: string;
  readonly level: 'urgent' | 'person';
  readonly signals: readonly string[];
}

function compileTerms(terms: readonly TriagePattern[], family: Family, file: string): Finders {
  const phrases: PhraseSpec[] = [];
  const regexes: RegExp[] = [];
  for (const t of terms) {
    if (typeof t !== 'string') {
      regexes.push(compileTriageRegex(t.re, 'gu', file));
    } else if (family === 'vi' && t.startsWith('=')) {
      // "=term" only as written, because its folded form is another word ("=tát" vs "tất").
      phrases.push({ phrase: t.slice(1), asWritten: true });
    } else {
      phrases.push(t);
    }
  }
  const matcher: PhraseMatcher = compilePhrases(phrases, { diacritics: 'as-typed' });
  // Vietnamese offsets are taken in the punctuation-free word view, where the regular expressions run.
  const phraseFinder: Finder = (forms) =>
    matcher.find(forms.text).map((m) => ({ at: family === 'vi' ? m.wordStart : m.start, text: m.found }));
  const regex: Finder = (forms) =>
    regexes.flatMap((r) => [...forms.reForm.matchAll(r)].map((m) => ({ at: m.index, text: m[0].trim() })));
  return { phrases: phraseFinder, regex };
}

/** Loads a concept lexicon file (`knowledge/triage/concepts/{zh,vi}.json`). */
export function loadConceptSet(path: string, family: Family): ConceptSet {
  return compileConceptSet(readConceptFile(path), family, path);
}

/** Compiles a concept lexicon (read and checked by src/knowledge/load-triage.ts). */
export function compileConceptSet(
  data: ConceptFile,
  family: Family,
  path = `knowledge/triage/concepts/${family}.json`,
): ConceptSet {
  const finders = new Map<string, Finders>();
  for (const [name, terms] of Object.entries(data.concepts)) finders.set(name, compileTerms(terms, family, path));
  const rules = data.rules.map((r) => {
    return {
      id: r.id,
      category: r.category,
      level: r.level,
      personal: r.personal,
      all: r.all,
      unless: r.unless ?? [],
      window: r.window ?? Number.MAX_SAFE_INTEGER,
    };
  });
  // Concept names were checked by the loader (src/knowledge/load-triage.ts). A flat list is one group.
  const classifierRequires = new Map(
    Object.entries(data.classifier_requires ?? {}).map(([category, required]) => [
      category,
      required.every((entry) => typeof entry === 'string') ? [required] : required.filter(Array.isArray),
    ]),
  );
  return { family, finders, rules, classifierRequires };
}

/** The forms of a message the concept rules (and the triage rules) match in. */
export interface ConceptForms {
  /** The message in the shared phrase-matching form. */
  readonly text: NormalisedText;
  /** Vietnamese: the word view phrases are matched in (bare when the worker typed no diacritics). */
  readonly form: string;
  readonly folded: boolean;
  /** Where regular expressions run: Chinese, the normalised text; Vietnamese, the folded word view. */
  readonly reForm: string;
}

/**
 * The forms a message is matched in (see {@link normaliseText}). Chinese: lower case,
 * Simplified. Vietnamese: words as typed when the worker typed diacritics (so "tát"
 * is not "tất"), otherwise folded; padded, punctuation-free, so terms match on
 * syllable boundaries. Regular expressions always see the folded form.
 */
export function conceptForms(text: string | NormalisedText, family: Family): ConceptForms {
  const t = typeof text === 'string' ? normaliseText(text) : text;
  if (family === 'zh') return { text: t, form: t.text, folded: false, reForm: t.text };
  return t.marked
    ? { text: t, form: t.words, folded: false, reForm: t.folded }
    : { text: t, form: t.folded, folded: true, reForm: t.folded };
}

/** Whether any term of a concept occurs in a message (evaluateConcepts needs the positions; this only a yes). */
function conceptOccurs(set: ConceptSet, concept: string, forms: ConceptForms): boolean {
  const f = set.finders.get(concept)!;
  return f.phrases(forms).length > 0 || f.regex(forms).length > 0;
}

/** The matches that make a rule fire: one per concept, all within the window of the first; null when none do. */
function withinWindow(positions: readonly (readonly Found[])[], window: number): Found[] | null {
  for (const anchor of positions[0]!) {
    const rest = positions.slice(1).map((ps) => ps.find((p) => Math.abs(p.at - anchor.at) <= window));
    if (rest.every((r) => r !== undefined)) return [anchor, ...(rest as Found[])];
  }
  return null;
}

/**
 * Evaluates the concept rules on a message; `personal` says whether it reads as the worker's own case.
 * `forms`: the message's {@link conceptForms} when the caller already has them.
 */
export function evaluateConcepts(
  set: ConceptSet,
  text: string,
  personal: boolean,
  forms: ConceptForms = conceptForms(text, set.family),
): ConceptHit[] {
  const cache = new Map<string, Found[]>();
  const positions = (concept: string): Found[] => {
    let p = cache.get(concept);
    if (!p) {
      const f = set.finders.get(concept)!;
      // Regex offsets are taken in the folded form; it has the same length as the written form.
      p = [...f.phrases(forms), ...f.regex(forms)];
      cache.set(concept, p);
    }
    return p;
  };
  const hits: ConceptHit[] = [];
  for (const rule of set.rules) {
    if (rule.personal && !personal) continue;
    const ps = rule.all.map(positions);
    if (ps.some((p) => p.length === 0)) continue;
    const found = withinWindow(ps, rule.window);
    if (!found || rule.unless.some((c) => positions(c).length > 0)) continue;
    hits.push({ ruleId: rule.id, category: rule.category, level: rule.level, signals: found.map((f) => f.text) });
  }
  return hits;
}

/**
 * Whether a classifier verdict of `category` may stand: true unless the lexicon requires, for that
 * category, a concept the message does not contain.
 */
export function classifierVerdictAllowed(
  set: ConceptSet,
  category: string,
  text: string,
  forms: ConceptForms = conceptForms(text, set.family),
): boolean {
  const required = set.classifierRequires.get(category);
  if (!required) return true;
  return required.every((group) => group.some((concept) => conceptOccurs(set, concept, forms)));
}

/**
 * Whether any term of a concept an urgent rule needs occurs in the message (a danger cue, even when no
 * rule fires: a pregnancy without a dismissal, arrears without a group). Without one the classifier
 * must be surer (docs/triage.md).
 */
export function hasDangerCue(
  set: ConceptSet,
  text: string,
  forms: ConceptForms = conceptForms(text, set.family),
): boolean {
  const concepts = new Set(set.rules.filter((r) => r.level === 'urgent').flatMap((r) => r.all));
  return [...concepts].some((c) => conceptOccurs(set, c, forms));
}
