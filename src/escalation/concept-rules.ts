import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { toSimplified } from '../language/script.js';
import { foldVietnamese, hasVietnameseLetters } from '../language/vietnamese.js';

const termSchema = z.union([z.string().min(1), z.object({ re: z.string().min(1) })]);
const ruleSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  level: z.enum(['urgent', 'person']),
  /** Concepts that must all be present. */
  all: z.array(z.string().min(1)).min(1),
  /** Largest distance in characters between the matched terms of different concepts. */
  window: z.number().int().positive().optional(),
  /** Fires only for a personal case (see load-triage-rules.ts). */
  personal: z.boolean(),
  /** Concepts whose presence cancels the rule (a figure of speech, a different category). */
  unless: z.array(z.string().min(1)).optional(),
  note: z.string().min(1),
});
const fileSchema = z.object({
  _note: z.string().optional(),
  concepts: z.record(z.string(), z.array(termSchema).min(1)),
  rules: z.array(ruleSchema).min(1),
  /**
   * Per urgent category, concepts one of which must be in the message for the trained classifier's
   * verdict of that category to count (one worker's unpaid wages is no mass arrears).
   */
  classifier_requires: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
});

type Family = 'zh' | 'vi';

/** A term found in a message: where, and the words matched. */
interface Found {
  readonly at: number;
  readonly text: string;
}

/** Where one concept occurs in a message. */
type Finder = (form: string) => Found[];

/** Term finders of one concept: exact terms, folded terms (Vietnamese without diacritics), regular expressions. */
interface Finders {
  readonly exact: Finder;
  readonly folded: Finder;
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
  /** Category -> concepts one of which a classifier verdict of that category needs. */
  readonly classifierRequires: ReadonlyMap<string, readonly string[]>;
}

/** A rule that fired, with the words that made it fire (the danger signals staff see). */
export interface ConceptHit {
  readonly ruleId: string;
  readonly category: string;
  readonly level: 'urgent' | 'person';
  readonly signals: readonly string[];
}

function allIndexes(hay: string, needle: string): Found[] {
  const out: Found[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push({ at: i, text: needle.trim() });
  return out;
}

function compileTerms(terms: readonly z.infer<typeof termSchema>[], family: Family, file: string): Finders {
  const exactNeedles: string[] = [];
  const foldedNeedles: string[] = [];
  const regexes: RegExp[] = [];
  for (const t of terms) {
    if (typeof t !== 'string') {
      try {
        regexes.push(new RegExp(t.re, 'gu'));
      } catch (error) {
        throw new Error(`${file}: bad regular expression ${t.re}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (family === 'zh') {
      exactNeedles.push(toSimplified(t.toLowerCase()));
    } else {
      // Vietnamese terms match whole syllables, in the written form and in the folded form;
      // "=term" only in the written form, because its folded form is another word ("=tát" vs "tất").
      const exactOnly = t.startsWith('=');
      const term = exactOnly ? t.slice(1) : t;
      exactNeedles.push(` ${term.normalize('NFC').toLowerCase()} `);
      if (!exactOnly) foldedNeedles.push(` ${foldVietnamese(term)} `);
    }
  }
  const regex = (form: string): Found[] => regexes.flatMap((r) => [...form.matchAll(r)].map((m) => ({ at: m.index, text: m[0].trim() })));
  const find = (needles: readonly string[]) => (form: string) => needles.flatMap((n) => allIndexes(form, n));
  return { exact: find(exactNeedles), folded: find(family === 'zh' ? exactNeedles : foldedNeedles), regex };
}

/** Loads a concept lexicon file (`knowledge/triage/concepts/{zh,vi}.json`). */
export function loadConceptSet(path: string, family: Family): ConceptSet {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid concept lexicon in ${path}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const finders = new Map<string, Finders>();
  for (const [name, terms] of Object.entries(parsed.data.concepts)) finders.set(name, compileTerms(terms, family, path));
  const rules = parsed.data.rules.map((r) => {
    for (const c of [...r.all, ...(r.unless ?? [])]) if (!finders.has(c)) throw new Error(`${path}: rule ${r.id} names unknown concept ${c}`);
    return { id: r.id, category: r.category, level: r.level, personal: r.personal, all: r.all, unless: r.unless ?? [], window: r.window ?? Number.MAX_SAFE_INTEGER };
  });
  const classifierRequires = new Map(Object.entries(parsed.data.classifier_requires ?? {}));
  for (const [category, concepts] of classifierRequires) {
    for (const c of concepts) {
      if (!finders.has(c)) throw new Error(`${path}: classifier_requires.${category} names unknown concept ${c}`);
    }
  }
  return { family, finders, rules, classifierRequires };
}

/** The forms of a message the concept rules (and the triage rules) match in. */
export interface ConceptForms {
  readonly form: string;
  readonly folded: boolean;
  readonly reForm: string;
}

/**
 * The form a message is matched in. Chinese: lower case, Simplified. Vietnamese:
 * the written form when the worker typed diacritics (so "tát" is not "tất"),
 * otherwise the folded form; padded, punctuation-free, so terms match on
 * syllable boundaries. Regular expressions always see the folded form.
 */
export function conceptForms(text: string, family: Family): ConceptForms {
  if (family === 'zh') {
    const f = toSimplified(text.toLowerCase());
    return { form: f, folded: false, reForm: f };
  }
  const words = (x: string) => ` ${x.replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `;
  const folded = words(foldVietnamese(text));
  return hasVietnameseLetters(text) ? { form: words(text.normalize('NFC').toLowerCase()), folded: false, reForm: folded } : { form: folded, folded: true, reForm: folded };
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
export function evaluateConcepts(set: ConceptSet, text: string, personal: boolean, forms: ConceptForms = conceptForms(text, set.family)): ConceptHit[] {
  const { form, folded, reForm } = forms;
  const cache = new Map<string, Found[]>();
  const positions = (concept: string): Found[] => {
    let p = cache.get(concept);
    if (!p) {
      const f = set.finders.get(concept)!;
      // Regex offsets are taken in the folded form; it has the same length as the written form.
      p = [...(folded ? f.folded(form) : f.exact(form)), ...f.regex(reForm)];
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
  return required.some((concept) => {
    const f = set.finders.get(concept)!;
    return (forms.folded ? f.folded(forms.form) : f.exact(forms.form)).length > 0 || f.regex(forms.reForm).length > 0;
  });
}
