import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CALC_KINDS } from './types.js';

const intentsSchema = z.object({
  amount_cues: z.object({ zh: z.array(z.string().min(1)), vi: z.array(z.string().min(1)) }),
  legality_cues: z.object({ zh: z.array(z.string().min(1)), vi: z.array(z.string().min(1)) }),
  kinds: z.array(
    z.object({ kind: z.enum(CALC_KINDS), zh: z.array(z.string().min(1)).optional(), vi: z.array(z.string().min(1)).optional(), exclude: z.array(z.string().min(1)).optional() }),
  ),
});

const textsSchema = z.object({
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
export type CalcTexts = z.infer<typeof textsSchema>;

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

const vnMinimumSchema = z.object({
  source: z.string().min(1),
  rows: z.array(z.object({ region: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), monthly: z.number().positive(), hourly: z.number().positive() })).length(4),
});

/** Everything the calculators read from knowledge/calculators. */
export interface CalculatorData {
  readonly intents: z.infer<typeof intentsSchema>;
  readonly texts: { readonly zh: CalcTexts; readonly vi: CalcTexts };
  readonly cnAverageWages: readonly CnAverageWage[];
  readonly vnMinimumWage: z.infer<typeof vnMinimumSchema>;
}

function read<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid ${path}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Loads and validates knowledge/calculators/*.json; a bad file stops start-up with its name. */
export function loadCalculatorData(knowledgeDir: string): CalculatorData {
  const dir = join(knowledgeDir, 'calculators');
  return {
    intents: read(join(dir, 'intents.json'), intentsSchema),
    texts: { zh: read(join(dir, 'texts.zh-Hans.json'), textsSchema), vi: read(join(dir, 'texts.vi.json'), textsSchema) },
    cnAverageWages: read(join(dir, 'cn-average-wages.json'), cnAverageSchema).regions,
    vnMinimumWage: read(join(dir, 'vn-minimum-wage.json'), vnMinimumSchema),
  };
}
