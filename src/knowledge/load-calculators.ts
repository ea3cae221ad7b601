import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

/** Every calculator the bot knows, by jurisdiction. */
export const CALC_KINDS = [
  'cn_compensation',
  'cn_unlawful_termination',
  'cn_notice_pay',
  'cn_double_wages',
  'cn_overtime',
  'cn_annual_leave_days',
  'cn_annual_leave_pay',
  'cn_maternity_leave',
  'cn_probation',
  'cn_notice_period',
  'cn_arbitration_deadline',
  'cn_injury_deadline',
  'vn_severance',
  'vn_job_loss',
  'vn_overtime',
  'vn_annual_leave',
  'vn_maternity_leave',
  'vn_notice_period',
  'vn_probation',
  'vn_dispute_deadline',
  'vn_minimum_wage',
] as const;

const cues = z.array(z.string().min(1));

/** `intents.json`: cue words that select a calculator kind, and the amount/legality cues. */
export const calcIntentsSchema = z.object({
  amount_cues: z.object({ zh: cues, vi: cues }),
  legality_cues: z.object({ zh: cues, vi: cues }),
  kinds: z.array(
    z.object({ kind: z.enum(CALC_KINDS), zh: cues.optional(), vi: cues.optional(), exclude: cues.optional() }),
  ),
});

/** `texts.{zh-Hans,vi}.json`: every word a calculator reply shows. */
export const calcTextsSchema = z.object({
  titles: z.record(z.string(), z.string()),
  questions: z.record(z.string(), z.string()),
  labels: z.record(z.string(), z.string()),
  values: z.record(z.string(), z.string()),
  results: z.record(z.string(), z.string()),
  formulas: z.record(z.string(), z.string()),
  caveats: z.record(z.string(), z.string()),
  /** One-line rule shown while the bot still asks for a fact. */
  rules: z.record(z.string(), z.string()).default({}),
  sources_heading: z.string(),
  disclaimer: z.string(),
});
export type CalcTexts = z.infer<typeof calcTextsSchema>;

/** `cn-average-wages.json`: regional average monthly wages (the cap of economic compensation), each with its source. */
const cnAverageSchema = z.object({
  regions: z.array(
    z.object({
      region: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      year: z.number().int().min(2000),
      monthly_average: z.number().positive(),
      source: z.string().min(3),
      checked_by: z.string().min(3),
    }),
  ),
});
export type CnAverageWage = z.infer<typeof cnAverageSchema>['regions'][number];

const region = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** `vn-minimum-wage.json`: the four regional minimum wages. */
const vnMinimumSchema = z.object({
  source: z.string().min(1),
  rows: z.array(z.object({ region, monthly: z.number().positive(), hourly: z.number().positive() })).length(4),
});

/** Everything the calculators read from knowledge/calculators. */
export interface CalculatorData {
  readonly intents: z.infer<typeof calcIntentsSchema>;
  readonly texts: { readonly zh: CalcTexts; readonly vi: CalcTexts };
  readonly cnAverageWages: readonly CnAverageWage[];
  readonly vnMinimumWage: z.infer<typeof vnMinimumSchema>;
}

/** Loads and validates `<knowledgeDir>/calculators/*.json`; a bad file stops start-up with its name. */
export function loadCalculators(knowledgeDir: string): CalculatorData {
  const dir = join(knowledgeDir, 'calculators');
  return {
    intents: readJsonFile(join(dir, 'intents.json'), calcIntentsSchema),
    texts: {
      zh: readJsonFile(join(dir, 'texts.zh-Hans.json'), calcTextsSchema),
      vi: readJsonFile(join(dir, 'texts.vi.json'), calcTextsSchema),
    },
    cnAverageWages: readJsonFile(join(dir, 'cn-average-wages.json'), cnAverageSchema).regions,
    vnMinimumWage: readJsonFile(join(dir, 'vn-minimum-wage.json'), vnMinimumSchema),
  };
}
