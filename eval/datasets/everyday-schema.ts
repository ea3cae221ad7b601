/**
 * Record format of `everyday-questions.jsonl`: everyday worker questions
 * written before the answer cards and before any reply. It is the worker
 * question format plus the frozen split, the expected answer card and the key
 * fact the reply's first sentence must state.
 */
import { z } from 'zod';
import { workerQuestionSchema } from './dataset-schemas.js';

export const everydayQuestionSchema = workerQuestionSchema.extend({
  id: z.string().regex(/^ev-(zh|zht|vi)-(test|dev)-\d{3}$/),
  /** `test` is frozen (never tuned on); `dev` may be tuned on. Must match the id. */
  split: z.enum(['test', 'dev']),
  /** Id of the answer card that should answer it; null when no card should (another country's law). */
  expect_card: z.string().min(1).nullable(),
  /** The fact the first sentence of the reply must contain. */
  key_fact: z.string().min(1),
});
export type EverydayQuestion = z.infer<typeof everydayQuestionSchema>;
