import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { evalCaseSchema, type EvalCase } from './case-schema.js';

/** Reads a JSONL file, one record per non-empty line; a bad line fails with its file and line number. */
export function loadJsonl<S extends z.ZodType>(path: string, schema: S): z.output<S>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, no: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, no }) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${path}:${no}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Reads and validates a JSONL dataset; a bad line fails with its file and line number. */
export function loadCases(path: string): EvalCase[] {
  return loadJsonl(path, evalCaseSchema);
}
