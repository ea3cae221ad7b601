import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EscalationLevel } from '../core/types.js';
import type { NormalisedText } from '../language/normalise-text.js';
import { compilePhrases, type PhraseMatcher } from '../language/phrase-matcher.js';
import { loadConceptSet, type ConceptSet } from './concept-rules.js';
import { loadClassifier, type ClassifierModel } from './triage-classifier.js';

const patternSchema = z.union([z.string().min(1), z.object({ re: z.string().min(1) })]);
const ruleSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  level: z.enum(['urgent', 'person']),
  personal: z.boolean(),
  patterns: z.array(patternSchema).min(1),
  exclude: z.array(patternSchema).optional(),
  note: z.string().min(1),
});
const fileSchema = z.object({
  personal_cues: z.array(z.string()),
  hypothetical_cues: z.array(z.string()),
  /** Polite openers ("请问", "cho em hỏi") removed before looking for personal cues: "em" in "cho em hỏi" is no personal case. */
  question_openers: z.array(z.string()).optional(),
  rules: z.array(ruleSchema).min(1),
});

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

function compile(patterns: readonly z.infer<typeof patternSchema>[], file: string): Matcher {
  const phrases: string[] = [];
  const regexes: RegExp[] = [];
  for (const p of patterns) {
    if (typeof p === 'string') {
      phrases.push(p);
    } else {
      try {
        regexes.push(new RegExp(p.re, 'u'));
      } catch (error) {
        throw new Error(`${file}: bad regular expression ${p.re}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  // Vietnamese phrases match whole syllables: "em" must not match inside "nhiệm".
  const matcher = compilePhrases(phrases, { diacritics: 'as-typed' });
  return (forms) => matcher.test(forms.text) || forms.all.some((f) => regexes.some((r) => r.test(f)));
}

function loadFile(path: string): RuleSet {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid triage rules in ${path}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return {
    personal: compilePhrases(parsed.data.personal_cues, { diacritics: 'as-typed' }),
    openers: compilePhrases(parsed.data.question_openers ?? [], { diacritics: 'as-typed' }),
    hypothetical: compilePhrases(parsed.data.hypothetical_cues, { diacritics: 'as-typed' }),
    rules: parsed.data.rules.map((r) => ({
      id: r.id,
      category: r.category,
      level: r.level,
      personal: r.personal,
      matches: compile(r.patterns, path),
      excluded: compile(r.exclude ?? [], path),
    })),
  };
}

/**
 * Loads and compiles `zh.json` and `vi.json` from a triage rules folder, and
 * the concept lexicons and trained classifier when the folder has them.
 */
export function loadTriageRules(dir: string, options: { readonly classifier?: boolean } = {}): TriageRules {
  const conceptDir = join(dir, 'concepts');
  const modelPath = join(dir, 'classifier.json');
  return {
    zh: loadFile(join(dir, 'zh.json')),
    vi: loadFile(join(dir, 'vi.json')),
    ...(existsSync(conceptDir) ? { concepts: { zh: loadConceptSet(join(conceptDir, 'zh.json'), 'zh'), vi: loadConceptSet(join(conceptDir, 'vi.json'), 'vi') } } : {}),
    ...(options.classifier !== false && existsSync(modelPath) ? { classifier: loadClassifier(modelPath) } : {}),
  };
}
