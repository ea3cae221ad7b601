import type { AnswerPolicy } from './answer-policy-schema.js';
import { loadAppConfig, type AppConfig } from './app-config.js';
import { loadDatabaseConfig, type DatabaseConfig } from './database-config.js';
import { loadAnswerPolicy } from './load-answer-policy.js';
import { loadLlmConfig, type LlmConfig } from './llm-config.js';
import { loadServeConfig, type ServeConfig } from './serve-config.js';

/**
 * All settings of the bot, read once from the environment by each entry
 * point (serve, start, ask, console, eval, bench) and passed down. Channel
 * settings (Slack, WeChat, platform channels, staff console) are read by
 * their own modules from the same environment, as they belong to them.
 * Frozen all the way down at run time (each section's type is Readonly).
 */
export type Config = Readonly<{
  /** Folders, log level, prompts (src/config/app-config.ts). */
  app: AppConfig;
  /** Optional LLM and embedding endpoints (src/config/llm-config.ts). */
  llm: LlmConfig;
  /** HTTP API, rate limits, retention, staff desk (src/config/serve-config.ts). */
  serve: ServeConfig;
  /** PostgreSQL or the embedded SQLite file (src/config/database-config.ts). */
  database: DatabaseConfig;
  /** When the bot answers, hands off or refuses, and reply size (docs/answer-policy.md). */
  answerPolicy: AnswerPolicy;
}>;

/** Freezes an object and everything inside it (a config holds no cycles). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads and validates every setting; throws a ConfigError naming the first
 * bad variable. The result is frozen all the way down.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return deepFreeze({
    app: loadAppConfig(env),
    llm: loadLlmConfig(env),
    serve: loadServeConfig(env),
    database: loadDatabaseConfig(env),
    answerPolicy: loadAnswerPolicy(env),
  });
}
