import type { z } from 'zod';

/** Thrown by every configuration failure; the message names the variable and the problem. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** The environment variable at fault. */
    readonly variable?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A ConfigError for one variable, worded the same way everywhere. */
export function invalidVariable(name: string, problem: string): ConfigError {
  return new ConfigError(`Invalid environment variable ${name}: ${problem}`, name);
}

/** Parses a zod schema over the environment and reports the first bad variable by name. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') || 'environment';
    throw invalidVariable(name, issue?.message ?? 'invalid value');
  }
  return result.data;
}

/** The environment without unset or empty variables (an empty value means "use the default"). */
export function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}
