import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedIndexCopy } from '../helpers/shared-index.js';

const run = promisify(execFile);
let env: NodeJS.ProcessEnv;

async function ask(args: string[], input?: string): Promise<{ stdout: string; stderr: string }> {
  if (input === undefined)
    return run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { env, maxBuffer: 1 << 24 });
  const file = join(mkdtempSync(join(tmpdir(), 'cli-in-')), 'in.jsonl');
  writeFileSync(file, input);
  return run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args, file], { env, maxBuffer: 1 << 24 });
}

beforeAll(async () => {
  // The children load a copy of the run's prebuilt index instead of building their own.
  env = { ...process.env, INDEX_CACHE_DIR: await sharedIndexCopy(), LOG_LEVEL: 'error' };
}, 120_000);

/**
 * `npm run ask` as a process, as the unseen-question measurement runs it: stdout must be pure JSON, the exit
 * code must tell. The command's other cases run in-process (test/cli/ask-command.test.ts): each child loads
 * the whole bot, about 2 s of CPU.
 */
describe('npm run ask (a child process)', () => {
  // One batch run answers the input of both batch tests (each child loads the whole bot, about 2 s CPU).
  const batchInput = [
    JSON.stringify({ id: 'a', question: '产假有多少天' }),
    'not json',
    JSON.stringify({ id: 7, question: '我在工地受伤了，腿骨折了' }),
    JSON.stringify({ id: 'c', question: '' }),
    JSON.stringify({ id: 'd', question: 'cong ty no luong 3 thang' }),
    `\uFEFF${JSON.stringify({ id: 'e', text: '年假有几天' })}\r`,
  ];
  const badInput = [
    '工资'.repeat(50_000),
    Buffer.from([0, 159, 146, 150, 255, 1, 2]).toString('latin1'),
    '😀😀😀',
    '公司 công ty nợ lương 老板不发工资',
  ].map((q, i) => JSON.stringify({ id: `bad-${i}`, question: q }));
  let batch: Promise<Record<string, unknown>[]> | undefined;
  const batchLines = (): Promise<Record<string, unknown>[]> =>
    (batch ??= ask(['--json', '--batch'], [...batchInput, ...badInput].join('\n')).then(({ stdout }) =>
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    ));

  it('answers a batch with one JSON line per question, ids kept, bad lines reported', async () => {
    const lines = (await batchLines()).slice(0, batchInput.length) as {
      id: string;
      error?: string;
      escalate?: string;
      citations?: unknown[];
      language?: string;
    }[];
    expect(lines.map((l) => l.id)).toEqual(['a', 'line-2', '7', 'c', 'd', 'e']);
    expect(lines[0]?.citations?.length).toBeGreaterThan(0);
    expect(lines[1]?.error).toMatch(/line 2/);
    expect(lines[2]?.escalate).toBe('urgent');
    expect(lines[3]?.citations).toEqual([]);
    expect(lines[4]?.language).toBe('vi');
    expect(lines[5]?.citations?.length).toBeGreaterThan(0);
  }, 60_000);

  it('answers bad input with a clear reply, never a crash', async () => {
    const lines = (await batchLines()).slice(batchInput.length) as {
      id: string;
      answer: string;
      mode: string;
      reasons: string[];
    }[];
    expect(lines.map((l) => l.id)).toEqual(['bad-0', 'bad-1', 'bad-2', 'bad-3']);
    for (const l of lines) expect(l.answer.length).toBeGreaterThan(0);
    expect(lines[0]?.reasons).toContain('too_long');
    expect(lines[1]?.mode).toBe('invalid_input');
    expect(lines[2]?.mode).toBe('invalid_input');
  }, 60_000);

  it('exits with 2 on a usage error and 1 with a one-line message on a bad setting', async () => {
    await expect(ask([])).rejects.toMatchObject({ code: 2, stdout: '' });
    const bad = run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '年假有几天'], {
      env: { ...env, MIN_ANSWER_CONFIDENCE: 'high' },
    });
    await expect(bad).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^gonghui-bot: .*MIN_ANSWER_CONFIDENCE.*\n$/),
    });
  }, 60_000);
});
