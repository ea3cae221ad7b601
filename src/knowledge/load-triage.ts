import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeFileError, displayPath, readJsonFile } from './read-json-file.js';

/** A regular expression that compiles with the `u` flag (the matchers add `g` where they need it). */
const regexSource = z
  .string()
  .min(1)
  .refine((re) => {
    try {
      new RegExp(re, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

/** A phrase (matched as written and folded) or `{ "re": "..." }`. */
export const triagePatternSchema = z.union([z.string().min(1), z.object({ re: regexSource })]);
export type TriagePattern = z.infer<typeof triagePatternSchema>;

const ruleSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  level: z.enum(['urgent', 'person']),
  personal: z.boolean(),
  patterns: z.array(triagePatternSchema).min(1),
  exclude: z.array(triagePatternSchema).optional(),
  note: z.string().min(1),
});

/** `knowledge/triage/{zh,vi}.json`: phrase rules. */
export const triageRuleFileSchema = z.object({
  personal_cues: z.array(z.string()),
  hypothetical_cues: z.array(z.string()),
  /**
   * Polite openers ("请问", "cho em hỏi") removed before looking for personal cues:
   * "em" in "cho em hỏi" is no personal case.
   */
  question_openers: z.array(z.string()).optional(),
  rules: z.array(ruleSchema).min(1),
});
export type TriageRuleFile = z.infer<typeof triageRuleFileSchema>;

const conceptRuleSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  level: z.enum(['urgent', 'person']),
  /** Concepts that must all be present. */
  all: z.array(z.string().min(1)).min(1),
  /** Largest distance in characters between the matched terms of different concepts. */
  window: z.number().int().positive().optional(),
  /** Fires only for a personal case (see src/escalation/load-triage-rules.ts). */
  personal: z.boolean(),
  /** Concepts whose presence cancels the rule (a figure of speech, a different category). */
  unless: z.array(z.string().min(1)).optional(),
  note: z.string().min(1),
});

/** `knowledge/triage/concepts/{zh,vi}.json`: concept lexicons and combination rules. */
export const conceptFileSchema = z.object({
  _note: z.string().optional(),
  concepts: z.record(z.string(), z.array(triagePatternSchema).min(1)),
  rules: z.array(conceptRuleSchema).min(1),
  /**
   * Per urgent category, concepts one of which must be in the message for the trained classifier's
   * verdict of that category to count (one worker's unpaid wages is no mass arrears). A list of lists
   * asks for one concept of each inner list (a pregnancy dismissal needs a pregnancy and a leaving cue).
   */
  classifier_requires: z
    .record(
      z.string(),
      z.union([z.array(z.string().min(1)).min(1), z.array(z.array(z.string().min(1)).min(1)).min(1)]),
    )
    .optional(),
});
export type ConceptFile = z.infer<typeof conceptFileSchema>;

/** `knowledge/triage/classifier.json` (written by scripts/triage/train-classifier.ts). */
export const classifierSchema = z
  .object({
    _note: z.string().optional(),
    kind: z.literal('softmax-regression'),
    classes: z.array(z.string().min(1)).min(2),
    bias: z.array(z.number()),
    /** feature -> sparse weights as [class index, weight] pairs. */
    weights: z.record(z.string(), z.array(z.tuple([z.number().int().nonnegative(), z.number()]))),
    /** Probability mass on urgent classes above which a message is urgent (chosen for recall). */
    urgentThreshold: z.number().min(0).max(1),
    /**
     * Threshold when no danger cue of the concept lexicons occurs in the message (no term of any urgent
     * rule's concept): such a message is most often an ordinary question, so the classifier must be surer.
     */
    urgentThresholdUncued: z.number().min(0).max(1).optional(),
    trainedOn: z.object({ messages: z.number().int(), families: z.number().int(), split: z.string() }),
  })
  .refine((m) => m.bias.length === m.classes.length, {
    path: ['bias'],
    error: (issue) => {
      const m = issue.input as { bias: unknown[]; classes: unknown[] };
      return `bias has ${m.bias.length} entries for ${m.classes.length} classes`;
    },
  });
export type ClassifierModel = z.infer<typeof classifierSchema>;

const citeSchema = z.object({ doc: z.string().min(3), article: z.number().int().positive(), focus: z.string().min(2) });
const categorySchema = z.object({
  first: z.array(z.string().min(1)).min(1),
  steps: z.array(z.string().min(1)),
  cite: z.array(citeSchema),
  /**
   * Card topics whose plain answer may follow the category's first lines (an injured worker asking who
   * pays gets the work-injury card's answer). None listed: no card answer, so an unrelated card cannot
   * speak in an urgent reply (a disciplinary-dismissal card to a pregnant worker).
   */
  card_topics: z.array(z.string().min(1)).optional(),
  /** Single cards allowed besides those topics (the harassment cards sit in the maternity topic). */
  cards: z.array(z.string().min(1)).optional(),
});

/** `knowledge/triage/responses/{zh-Hans,vi}.json`: what the bot says in an urgent case or a hand-off. */
export const urgentResponsesSchema = z.object({
  _note: z.string().optional(),
  sources_heading: z.string().min(1),
  steps_heading: z.string().min(1),
  staff_notified: z.array(z.string().min(1)).min(1),
  disclaimer: z.string().min(1),
  handoff: z.array(z.string().min(1)).min(1),
  self_harm: z.array(z.string().min(1)).min(1),
  categories: z.record(z.string(), categorySchema).refine((c) => 'default' in c, 'needs a `default` category'),
});
export type UrgentResponses = z.infer<typeof urgentResponsesSchema>;

/** The rule files of a triage folder; concepts and classifier when the folder has them. */
export interface TriageRuleFiles {
  readonly zh: TriageRuleFile;
  readonly vi: TriageRuleFile;
  readonly concepts?: { readonly zh: ConceptFile; readonly vi: ConceptFile };
  readonly classifier?: ClassifierModel;
}

/** Everything under knowledge/triage. */
export interface TriageKnowledge extends TriageRuleFiles {
  readonly responses: { readonly zh: UrgentResponses; readonly vi: UrgentResponses };
}

/** Checks that every concept a rule names is defined (the error names the file and the rule). */
function checkConceptNames(path: string, file: ConceptFile): ConceptFile {
  file.rules.forEach((rule, i) => {
    for (const c of [...rule.all, ...(rule.unless ?? [])]) {
      if (!(c in file.concepts)) {
        const detail = `rule ${rule.id} names unknown concept ${c}`;
        throw new KnowledgeFileError(displayPath(path), detail, { field: `rules[${i}]` });
      }
    }
  });
  for (const [category, required] of Object.entries(file.classifier_requires ?? {})) {
    for (const c of required.flat()) {
      if (!(c in file.concepts)) {
        const detail = `classifier_requires.${category} names unknown concept ${c}`;
        throw new KnowledgeFileError(displayPath(path), detail, { field: `classifier_requires.${category}` });
      }
    }
  }
  return file;
}

/** Reads a concept lexicon file. */
export function readConceptFile(path: string): ConceptFile {
  return checkConceptNames(path, readJsonFile(path, conceptFileSchema));
}

/** Reads the rule files of a triage folder (`dir` is the triage folder itself). */
export function loadTriageRuleFiles(dir: string, options: { readonly classifier?: boolean } = {}): TriageRuleFiles {
  const conceptDir = join(dir, 'concepts');
  const modelPath = join(dir, 'classifier.json');
  const concept = (family: 'zh' | 'vi') => readConceptFile(join(conceptDir, `${family}.json`));
  return {
    zh: readJsonFile(join(dir, 'zh.json'), triageRuleFileSchema),
    vi: readJsonFile(join(dir, 'vi.json'), triageRuleFileSchema),
    ...(existsSync(conceptDir)
      ? { concepts: { zh: concept('zh'), vi: concept('vi') } }
      : {}),
    ...(options.classifier !== false && existsSync(modelPath)
      ? { classifier: readJsonFile(modelPath, classifierSchema) }
      : {}),
  };
}

/** Reads `responses/{zh-Hans,vi}.json` of a triage folder. */
export function loadUrgentResponses(dir: string): TriageKnowledge['responses'] {
  return {
    zh: readJsonFile(join(dir, 'responses', 'zh-Hans.json'), urgentResponsesSchema),
    vi: readJsonFile(join(dir, 'responses', 'vi.json'), urgentResponsesSchema),
  };
}

/** Loads knowledge/triage (`dir` is the triage folder). */
export function loadTriage(dir: string): TriageKnowledge {
  return { ...loadTriageRuleFiles(dir), responses: loadUrgentResponses(dir) };
}
