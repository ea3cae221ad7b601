/**
 * Record formats of the eval datasets, as the dataset checker enforces them.
 * `worker-questions.jsonl` is strict (it is ours); `real-dev.jsonl` is the
 * shared real-question set, copied unchanged, so its schema only pins the
 * fields the evals read.
 */
import { z } from 'zod';
import { URGENT_CATEGORIES } from '../../scripts/triage/triage-set.js';

export const TOPICS = [
  'wages',
  'wage_arrears',
  'contract',
  'no_contract',
  'dismissal',
  'resignation',
  'probation',
  'overtime',
  'working_hours',
  'leave',
  'maternity',
  'work_injury',
  'occupational_disease',
  'social_insurance',
  'union',
  'dispute',
  'minimum_wage',
  'out_of_scope',
  'manipulation',
] as const;

/**
 * Escalation categories, named as the triage rules name their reasons (the
 * triage sets' urgent ones, then the hand-off).
 */
export const CATEGORIES = [...URGENT_CATEGORIES, 'asked_for_person'] as const;

export const workerQuestionSchema = z.strictObject({
  id: z.string().regex(/^wq-(zh|zht|vi)-\d{3}$/),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  question: z.string().min(2).max(500),
  topic: z.enum(TOPICS),
  gold_refs: z.array(z.strictObject({ law: z.string().min(1), article: z.number().int().positive() })).max(3),
  expect_escalate: z.enum(['urgent', 'person', 'none']),
  /** Present exactly when expect_escalate is not `none`. */
  category: z.enum(CATEGORIES).optional(),
  must_contain: z.array(z.string().min(1)),
  must_not_contain: z.array(z.string().min(1)),
  expect_refusal: z.boolean(),
  /** Set on Vietnamese questions typed without diacritics. */
  no_diacritics: z.boolean().optional(),
  notes: z.string().min(3),
});
export type WorkerQuestion = z.infer<typeof workerQuestionSchema>;

export const realDevSchema = z.looseObject({
  id: z.string().min(1),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  question: z.string().min(1),
  reference_answer: z.string().nullable(),
  topic: z.string(),
  gold_refs: z.array(
    z.looseObject({
      law: z.string().min(1),
      article: z.number().int().positive(),
      law_number: z.string().optional(),
      clause: z.union([z.number(), z.string()]).optional(),
      in_corpus: z.boolean(),
      stale: z.boolean().nullable(),
    }),
  ),
  stale_ref: z.boolean().nullable(),
  question_origin: z.string(),
  answer_origin: z.string().nullable(),
  source: z.looseObject({ repo: z.string(), path: z.string(), commit: z.string() }),
});
export type RealDevCase = z.infer<typeof realDevSchema>;
