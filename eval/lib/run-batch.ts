import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotResult } from '../metrics/types.js';

/**
 * Runs questions through the bot's public batch interface
 * (`tsx src/cli/ask.ts --json --batch`), the way outside checks drive it:
 * one process for the whole batch, so the index loads once.
 */
export async function runBatch(questions: readonly { id: string; question: string }[], env: NodeJS.ProcessEnv = process.env): Promise<Map<string, BotResult>> {
  const dir = mkdtempSync(join(tmpdir(), 'gonghui-eval-'));
  const input = join(dir, 'in.jsonl');
  const output = join(dir, 'out.jsonl');
  writeFileSync(input, questions.map((q) => JSON.stringify(q)).join('\n') + '\n');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--debug-retrieval', '--batch', input, '--out', output], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`batch CLI exited with ${code}`))));
  });
  const results = new Map<string, BotResult>();
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as BotResult;
    results.set(r.id, r);
  }
  return results;
}
