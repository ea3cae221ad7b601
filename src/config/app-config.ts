import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';

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
  /** Longest message the bot reads; longer ones get a "please shorten" reply (triage still runs). */
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(50).max(100_000).default(2000),
  /** Below this retrieval confidence the bot does not answer from the law and hands off. */
  MIN_ANSWER_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.12),
  /** At most this many articles are quoted in one answer. */
  MAX_CITATIONS: z.coerce.number().int().min(1).max(5).default(3),
});

export type AppConfig = Readonly<z.infer<typeof appConfigSchema>>;

/** Thrown when an environment variable has an invalid value; names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses a zod schema over the environment and reports the first bad variable by name. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid environment variable ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  return result.data;
}

/** The environment without unset or empty variables (an empty value means "use the default"). */
export function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

/** Reads the pipeline settings from the environment (empty strings count as unset). */
export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return Object.freeze(parseEnv(appConfigSchema, definedEnv(env)));
}
