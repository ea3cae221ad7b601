import { z } from 'zod';

/** A gold reference: the statute article that answers a question. */
export const goldRefSchema = z.looseObject({
  law: z.string().min(1),
  article: z.number().int().positive(),
  law_number: z.string().optional(),
  in_corpus: z.boolean().optional(),
  stale: z.boolean().nullable().optional(),
});

/** One eval case. Real-dev cases carry fewer fields; the defaults keep them comparable. */
export const evalCaseSchema = z.looseObject({
  id: z.string().min(1),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  question: z.string().min(1),
  topic: z.string().default('other'),
  gold_refs: z.array(goldRefSchema).default([]),
  expect_escalate: z.enum(['urgent', 'person', 'none']).optional(),
  must_contain: z.array(z.string()).default([]),
  must_not_contain: z.array(z.string()).default([]),
  expect_refusal: z.boolean().default(false),
  /** Escalation category (worker questions), e.g. `injury`, `self_harm`; reported per category. */
  category: z.string().optional(),
});

export type EvalCase = z.infer<typeof evalCaseSchema>;
export type GoldRef = z.infer<typeof goldRefSchema>;
