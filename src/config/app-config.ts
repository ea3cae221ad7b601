import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { definedEnv, parseEnv } from './config-error.js';

/** The package root (src/config/../../), not the working directory: npm scripts may run from anywhere. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_PROMPTS_DIR = join(PACKAGE_ROOT, 'prompts');

/**
 * Settings of the answer pipeline, read once from the environment.
 * Channel and LLM settings have their own schemas next to their code.
 */
export const appConfigSchema = z.object({
  /** Folder with statutes, service texts, expansion tables and rules. */
  KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
  /** Optional folder of extra PRC law texts in Markdown (LawRefBook layout), see docs/retrieval.md. */
  EXTRA_LAWS_DIR: z
    .string()
    .min(1)
    .refine((dir) => existsSync(dir) && statSync(dir).isDirectory(), 'must be an existing directory')
    .optional(),
  /** Where the built retrieval index is cached between runs. */
  INDEX_CACHE_DIR: z.string().min(1).default('.cache/index'),
  /** Where tickets and conversation state are stored (SQLite). */
  DATA_DIR: z.string().min(1).default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Prompt templates of the LLM drafter; default: the prompts/ folder of this package, wherever it is run from. */
  PROMPTS_DIR: z
    .string()
    .min(1)
    .default(DEFAULT_PROMPTS_DIR)
    .transform((dir) => resolve(dir))
    .refine((dir) => existsSync(dir) && statSync(dir).isDirectory(), 'must be an existing directory'),
  // MAX_MESSAGE_CHARS, MIN_ANSWER_CONFIDENCE and MAX_CITATIONS are part of the answer policy
  // (src/config/load-answer-policy.ts, docs/answer-policy.md).
});

export type AppConfig = Readonly<z.infer<typeof appConfigSchema>>;

/** Reads the pipeline settings from the environment (empty strings count as unset). */
export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return Object.freeze(parseEnv(appConfigSchema, definedEnv(env)));
}
