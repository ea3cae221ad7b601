import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('npm run ask', () => {
  it('prints a cited answer as text', async () => {
    const { stdout } = await ask(['没签劳动合同能要双倍工资吗']);
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

  it('writes to --out and explains usage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-out-'));
    const inFile = join(dir, 'in.jsonl');
    writeFileSync(inFile, `${JSON.stringify({ id: 'x', question: '年假有几天' })}\n`);
    await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--batch', inFile, '--out', join(dir, 'out.jsonl')],
      { env },
    );
    expect(JSON.parse(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim()).id).toBe('x');
    await expect(ask([])).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});

describe('npm run ask -- --debug-retrieval', () => {
  // Built when a test runs: `env` (the prebuilt index copy) is set in beforeAll, after this block is collected.
  const debugAsk = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--debug-retrieval', ...args], {
      env: { ...env, MIN_ANSWER_CONFIDENCE: '0.2', ANSWER_POLICY_JSON: '{"cardMinConfidence":0.33}' },
      maxBuffer: 1 << 24,
    });

  it('prints the retrieval list and the answer policy in force after the reply', async () => {
    const { stdout } = await debugAsk(['没签劳动合同能要双倍工资吗']);
    const [reply, debug] = stdout.split('--- retrieved');
    expect(reply).toContain('二倍');
    expect(debug).toMatch(/1\. cn\/labor-contract-law#\d+ +score [\d.]+ +confidence [\d.]+/);
    expect(debug).toContain('--- answer policy in force');
    expect(debug).toMatch(/minAnswerConfidence +0\.2\n/);
    expect(debug).toMatch(/cardMinConfidence +0\.33\n/);
    expect(debug).toMatch(/coverageCap +120\n/);
  }, 60_000);

  it('puts the policy into the JSON output', async () => {
    const { stdout } = await debugAsk(['--json', '年假有几天']);
    const out = JSON.parse(stdout) as { policy: Record<string, number>; retrieved: unknown[] };
    expect(out.retrieved.length).toBeGreaterThan(0);
    expect(out.policy).toMatchObject({ minAnswerConfidence: 0.2, cardMinConfidence: 0.33, maxCitations: 3 });
  }, 60_000);
});

describe('npm start (piped)', () => {
  it('answers one question per line through the conversation core, opening a real ticket if urgent', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chat-data-'));
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts'], {
      env: { ...env, DATA_DIR: dataDir },
    });
    child.stdin?.end('产假有多少天\n\ncông ty không đóng bảo hiểm\n工友从脚手架上摔下来了，头在流血\n');
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}`))));
    });
    expect(out).toContain('> 产假有多少天');
    expect(out).toContain('98天');
    expect(out).toContain('> công ty không đóng bảo hiểm');
    expect(out).toContain('Luật Bảo hiểm xã hội 2024');
    expect(out).toContain('[urgent: handed to union staff]');
    // What the terminal says is true: the urgent line opened a ticket in the local store.
    const store = openSqliteTicketStore(join(dataDir, 'gonghui.sqlite'));
    const tickets = await store.listOpenTickets();
    await store.close();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ channel: 'cli', category: 'urgent' });
    expect(out).toContain(tickets[0]!.id);
  }, 60_000);
});
