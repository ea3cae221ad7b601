import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { BotResult } from '../metrics/types.js';

/** One result line of the batch CLI; unknown fields are kept, malformed known fields fail loudly. */
const botResultSchema = z.looseObject({
  id: z.string(),
  language: z.string().optional(),
  jurisdiction: z.string().optional(),
  answer: z.string().optional(),
  citations: z
    .array(
      z.looseObject({
        law: z.string(),
        article: z.number().int().optional(),
        label: z.string().optional(),
        excerpt: z.string().optional(),
      }),
    )
    .optional(),
  escalate: z.enum(['urgent', 'person', 'none']).optional(),
  reasons: z.array(z.string()).optional(),
  mode: z.string().optional(),
  latency_ms: z.number().optional(),
  retrieved: z
    .array(
      z.looseObject({
        passageId: z.string(),
        law: z.string(),
        article: z.number().int().optional(),
        score: z.number().optional(),
      }),
    )
    .optional(),
  error: z.string().optional(),
});

/** How to start the batch CLI. */
export interface BatchOptions {
  /** Command and leading arguments; `--json --debug-retrieval --batch IN --out OUT` are appended. */
  readonly command?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** The bot's own batch CLI, run through tsx like `npm run ask`. */
export const DEFAULT_BATCH_COMMAND: readonly string[] = [process.execPath, '--import', 'tsx', 'src/cli/ask.ts'];

/** Parses the CLI's JSONL output; a line that is not a result fails with its line number. */
export function parseBatchOutput(text: string): Map<string, BotResult> {
  const results = new Map<string, BotResult>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = botResultSchema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(
        `batch output line ${i + 1}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      );
    results.set(parsed.data.id, parsed.data);
  });
  return results;
}

/**
 * Runs questions through the bot's public batch interface
 * (`tsx src/cli/ask.ts --json --debug-retrieval --batch IN --out OUT`), the
 * way outside checks drive it: one process for the whole batch, so the index
 * loads once. The CLI's stdout and stderr pass through (progress, logs).
 */
export async function runBatch(
  questions: readonly { id: string; question: string }[],
  options: BatchOptions = {},
): Promise<Map<string, BotResult>> {
  const dir = mkdtempSync(join(tmpdir(), 'gonghui-eval-'));
  try {
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, questions.map((q) => JSON.stringify(q)).join('\n') + '\n');
    const [cmd, ...args] = options.command ?? DEFAULT_BATCH_COMMAND;
    if (!cmd) throw new Error('empty batch command');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(cmd, [...args, '--json', '--debug-retrieval', '--batch', input, '--out', output], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: options.env ?? process.env,
        cwd: options.cwd,
      });
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`batch CLI exited with ${code ?? signal}`)),
      );
    });
    return parseBatchOutput(readFileSync(output, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
