import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask-command.js';
import { captureIo } from '../helpers/cli-io.js';
import { openSharedBot } from '../helpers/shared-bot.js';
import { sharedIndexEnv } from '../helpers/shared-index.js';

// The command in this process, with the real bot (test/cli/ask.test.ts runs it as `npm run ask` does).
let env: Record<string, string>;
beforeAll(async () => {
  env = await sharedIndexEnv();
}, 120_000);

async function ask(argv: string[], extraEnv: Record<string, string> = {}) {
  const run = captureIo(argv, { ...env, ...extraEnv });
  const code = await runAsk(run.io, openSharedBot);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('runAsk', () => {
  it('prints a cited answer as text', async () => {
    const { code, stdout } = await ask(['没签劳动合同能要双倍工资吗']);
    expect(code).toBe(0);
    expect(stdout).toContain('《劳动合同法》第八十二条');
    expect(stdout).toContain('二倍');
  }, 60_000);

  it('prints the stable JSON shape with --json', async () => {
    const { stdout } = await ask(['--json', 'Điều 35 Bộ luật Lao động quy định gì']);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['language', 'jurisdiction', 'answer', 'citations', 'escalate', 'reasons']),
    );
    expect(out).toMatchObject({ language: 'vi', jurisdiction: 'VN', escalate: 'none' });
    expect((out.citations as { law: string; article: number }[])[0]).toMatchObject({
      law: 'Bộ luật Lao động 2019',
      article: 35,
    });
  }, 60_000);

  it('writes a batch to --out, one line per question with its id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-out-'));
    const inFile = join(dir, 'in.jsonl');
    writeFileSync(inFile, `${JSON.stringify({ id: 'x', question: '年假有几天' })}\n`);
    const { code, stdout } = await ask(['--json', '--batch', inFile, '--out', join(dir, 'out.jsonl')]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const line = JSON.parse(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim()) as {
      id: string;
      citations: unknown[];
    };
    expect(line.id).toBe('x');
    expect(line.citations.length).toBeGreaterThan(0);
  }, 60_000);

  it('explains usage errors with exit code 2 and help with 0, before loading any bot', async () => {
    const refuse = () => Promise.reject(new Error('the bot must not be loaded'));
    for (const [argv, expected] of [
      [[], 2],
      [['--frobnicate', 'x'], 2],
      [['--help'], 0],
    ] as const) {
      const run = captureIo(argv, env);
      expect(await runAsk(run.io, refuse)).toBe(expected);
      expect(run.stderr()).toContain('npm run ask -- --json --batch FILE.jsonl');
      expect(run.stdout()).toBe('');
    }
  });
});

describe('runAsk --debug-retrieval', () => {
  const policyEnv = { MIN_ANSWER_CONFIDENCE: '0.2', ANSWER_POLICY_JSON: '{"cardMinConfidence":0.33}' };

  it('prints the retrieval list and the answer policy in force after the reply', async () => {
    const { stdout } = await ask(['--debug-retrieval', '没签劳动合同能要双倍工资吗'], policyEnv);
    const [reply, debug] = stdout.split('--- retrieved');
    expect(reply).toContain('二倍');
    expect(debug).toMatch(/1\. cn\/labor-contract-law#\d+ +score [\d.]+ +confidence [\d.]+/);
    expect(debug).toContain('--- answer policy in force');
    expect(debug).toMatch(/minAnswerConfidence +0\.2\n/);
    expect(debug).toMatch(/cardMinConfidence +0\.33\n/);
    expect(debug).toMatch(/coverageCap +120\n/);
  }, 60_000);

  it('puts the policy into the JSON output, and on stderr for a batch', async () => {
    const { stdout } = await ask(['--debug-retrieval', '--json', '年假有几天'], policyEnv);
    const out = JSON.parse(stdout) as { policy: Record<string, number>; retrieved: unknown[] };
    expect(out.retrieved.length).toBeGreaterThan(0);
    expect(out.policy).toMatchObject({ minAnswerConfidence: 0.2, cardMinConfidence: 0.33, maxCitations: 3 });

    const inFile = join(mkdtempSync(join(tmpdir(), 'cli-in-')), 'in.jsonl');
    writeFileSync(inFile, `${JSON.stringify({ id: 'y', question: '产假有多少天' })}\n`);
    const batch = await ask(['--debug-retrieval', '--json', '--batch', inFile], policyEnv);
    expect(batch.stderr).toMatch(/answer policy in force: \{.*"cardMinConfidence":0\.33/);
    expect((JSON.parse(batch.stdout) as { id: string }).id).toBe('y');
  }, 60_000);
});
