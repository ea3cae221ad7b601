import type { EscalationLevel } from '../core/types.js';
import {
  loadTriageRuleFiles,
  type TriagePattern,
  type TriageRuleFile,
  type TriageRuleFiles,
} from '../knowledge/load-triage.js';
import type { NormalisedText } from '../language/normalise-text.js';
import { compilePhrases, type PhraseMatcher } from '../language/phrase-matcher.js';
import { compileTriageRegex } from './compile-triage-regex.js';
import { compileConceptSet, type ConceptSet } from './concept-rules.js';
import type { ClassifierModel } from './triage-classifier.js';

/**
 * Normalised forms of a message: `text` for phrases (Vietnamese typed with
 * diacritics is matched as typed, so "chống" is not "chồng"), `all` for
 * regular expressions (which also see the folded form).
 */
export interface MatchForms {
  readonly text: NormalisedText;
  readonly all: readonly string[];
}

/** A compiled matcher: substring or regular expression. */
export type Matcher = (forms: MatchForms) => boolean;

export interface CompiledRule {
  readonly id: string;
  readonly category: string;
  readonly level: Exclude<EscalationLevel, 'none'>;
  readonly personal: boolean;
  readonly matches: Matcher;
  readonly excluded: Matcher;
}

export interface RuleSet {
  readonly personal: PhraseMatcher;
  readonly openers: PhraseMatcher;
  readonly hypothetical: PhraseMatcher;
  readonly rules: readonly CompiledRule[];
}

/** Triage rules per language family, compiled once at start-up. */
export interface TriageRules {
  readonly zh: RuleSet;
  readonly vi: RuleSet;
  /** Concept lexicons with combination rules (knowledge/triage/concepts). */
  readonly concepts?: { readonly zh: ConceptSet; readonly vi: ConceptSet };
  /** Trained classifier (knowledge/triage/classifier.json). */
  readonly classifier?: ClassifierModel;
}

function compile(patterns: readonly TriagePattern[], file: string): Matcher {
  const phrases: string[] = [];
  const regexes: RegExp[] = [];
  for (const p of patterns) {
    if (typeof p === 'string') {
      phrases.push(p);
    } else {
      regexes.push(compileTriageRegex(p.re, 'u', file));
    }
  }
  // Vietnamese phrases match whole syllables: "em" must not match inside "nhiệm".
  const matcher = compilePhrases(phrases, { diacritics: 'as-typed' });
  return (forms) => matcher.test(forms.text) || forms.all.some((f) => regexes.some((r) => r.test(f)));
}

function compileFile(data: TriageRuleFile, family: 'zh' | 'vi'): RuleSet {
  const path = `knowledge/triage/${family}.json`;
  return {
    personal: compilePhrases(data.personal_cues, { diacritics: 'as-typed' }),
    openers: compilePhrases(data.question_openers ?? [], { diacritics: 'as-typed' }),
    hypothetical: compilePhrases(data.hypothetical_cues, { diacritics: 'as-typed' }),
    rules: data.rules.map((r) => ({
      id: r.id,
      category: r.category,
      level: r.level,
      personal: r.personal,
      matches: compile(r.patterns, path),
      excluded: compile(r.exclude ?? [], path),
    })),
  };
}

/** Compiles the triage rule files (knowledge.triage of loadKnowledgeDir) once at start-up. */
export function compileTriageRules(files: TriageRuleFiles): TriageRules {
  return {
    zh: compileFile(files.zh, 'zh'),
    vi: compileFile(files.vi, 'vi'),
    ...(files.concepts
      ? { concepts: { zh: compileConceptSet(files.concepts.zh, 'zh'), vi: compileConceptSet(files.concepts.vi, 'vi') } }
      : {}),
    ...(files.classifier ? { classifier: files.classifier } : {}),
  };
}

/**
 * Loads and compiles `zh.json` and `vi.json` from a triage rules folder, and
 * the concept lexicons and trained classifier when the folder has them.
 */
export function loadTriageRules(dir: string, options: { readonly classifier?: boolean } = {}): TriageRules {
  return compileTriageRules(loadTriageRuleFiles(dir, options));
}
