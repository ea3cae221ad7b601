import { z } from 'zod';

/** One article a card rests on, with the exact clause quoted from knowledge/statutes. */
export const cardCitationSchema = z.strictObject({
  /** Short citation title as in the statute manifest (`劳动合同法`, `Bộ luật Lao động 2019`). */
  law: z.string().min(1),
  article: z.number().int().positive(),
  /** Verbatim text of the decisive clause (must occur in the article). */
  quote: z.string().min(4),
});

const nonEmpty = z.string().trim().min(1);

/** Facts a card's follow-up may name (`follow_up_facts`): the calculators' fact names (checked there by type). */
export const CARD_FOLLOW_UP_FACTS = [
  'contractTerm',
  'tenure',
  'wage',
  'pregnancyMonths',
  'jobLevel',
  'insuredMonths',
] as const;

/**
 * An answer card: one worker situation, the ways workers ask about it, and a
 * reviewed plain answer resting on quoted clauses. CN cards answer in zh-Hans
 * (zh-Hant is derived); VN cards answer in vi, and in zh-Hans when the card
 * should also serve Chinese-speaking workers and managers in Vietnam.
 */
export const answerCardSchema = z.strictObject({
  id: z.string().regex(/^(cn|vn)-[a-z0-9-]+$/),
  jurisdiction: z.enum(['CN', 'VN']),
  topic: z.string().min(1),
  /** The situation in one line (reviewers read this; duplicates are rejected). */
  situation: nonEmpty,
  phrasings: z.strictObject({
    'zh-Hans': z.array(nonEmpty).default([]),
    'zh-Hant': z.array(nonEmpty).default([]),
    vi: z.array(nonEmpty).default([]),
  }),
  /** Plain answer, one to three sentences, rule and numbers first. */
  answer: z.strictObject({ 'zh-Hans': nonEmpty.optional(), vi: nonEmpty.optional() }),
  /** Facts the answer must state; each occurs in the answer text. */
  key_facts: z.array(nonEmpty).min(1),
  citations: z.array(cardCitationSchema).min(1).max(3),
  /** Key into the jurisdiction's next-steps table. */
  next_steps: z.string().min(1),
  /** What to ask when a fact the answer depends on is missing. */
  follow_up: z.strictObject({ 'zh-Hans': nonEmpty.optional(), vi: nonEmpty.optional() }).optional(),
  /**
   * The facts `follow_up` asks for, when the calculators' reader can find them in a message: a message that
   * already states all of them does not get the question ("我签了三年合同" is not asked how long the contract is).
   */
  follow_up_facts: z.array(z.enum(CARD_FOLLOW_UP_FACTS)).min(1).optional(),
});
export type AnswerCard = z.infer<typeof answerCardSchema>;
export type CardCitation = z.infer<typeof cardCitationSchema>;

/** A card data file: many cards on one topic. */
export const cardFileSchema = z.strictObject({
  _note: z.string().optional(),
  cards: z.array(answerCardSchema).min(1),
});

/** Topic next steps: which office to go to, per language. */
export const nextStepsFileSchema = z.strictObject({
  _note: z.string().optional(),
  steps: z.record(z.string(), z.strictObject({ 'zh-Hans': nonEmpty.optional(), vi: nonEmpty.optional() })),
});
export type NextSteps = z.infer<typeof nextStepsFileSchema>['steps'];

/** Taiwan / Hong Kong wording applied after OpenCC (e.g. 社保 -> 勞保 stays out; only safe term swaps). */
export const phraseTableSchema = z.strictObject({
  _note: z.string().optional(),
  replace: z.array(z.strictObject({ from: nonEmpty, to: nonEmpty })),
});

/** `knowledge/cards/zh-actor-cues.json`: cards demoted when the question says who ended the job. */
export const actorCuesSchema = z.strictObject({
  _note: z.string().optional(),
  rules: z.array(
    z.strictObject({
      id: z.string().min(1),
      cues: z.array(z.string().min(1)).min(1),
      unless: z.array(z.string().min(1)),
      demote: z.array(z.string().min(1)).min(1),
    }),
  ),
});
export type ActorCueRule = z.infer<typeof actorCuesSchema>['rules'][number];

/** Wording around a card reply. */
export const cardTextsSchema = z.strictObject({
  _note: z.string().optional(),
  also_relevant: z.strictObject({ 'zh-Hans': nonEmpty, vi: nonEmpty }),
});
export type CardTexts = z.infer<typeof cardTextsSchema>;
