/**
 * Record format of the labeled triage sets in eval/triage/sets/*.jsonl, shared
 * by the generator, the training script and the triage eval.
 */
import { loadJsonl } from '../../eval/lib/load-cases.js';
import { z } from 'zod';

export const URGENT_CATEGORIES = [
  'injury',
  'death',
  'occupational_poisoning',
  'violence',
  'sexual_harassment',
  'self_harm',
  'mass_arrears',
  'child_labor',
  'pregnancy_dismissal',
] as const;

export const triageRowSchema = z.strictObject({
  id: z.string().regex(/^tri-(test|train|gen)-[0-9a-z-]+$/),
  /** Paraphrase family: every row of a family is in the same split. */
  family: z.string().min(3),
  split: z.enum(['train', 'test']),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  label: z.enum(['urgent', 'person', 'none']),
  /** Urgent category, `asked_for_person`, or for `none`: `hard_negative` / `ordinary`. */
  category: z.enum([...URGENT_CATEGORIES, 'asked_for_person', 'hard_negative', 'ordinary']),
  text: z.string().min(1).max(2000),
});
export type TriageRow = z.infer<typeof triageRowSchema>;

/** Reads one JSONL set; a bad line names its file and line. */
export function readTriageSet(path: string): TriageRow[] {
  return loadJsonl(path, triageRowSchema);
}
