import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createBot, type Bot } from '../../src/create-bot.js';
import { FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { sharedIndexEnv } from '../helpers/shared-index.js';

const server = new FakeOpenAiServer();
let bot: Bot;
const logLines: string[] = [];

beforeAll(async () => {
  const baseURL = await server.start();
  bot = await createBot({
    env: await sharedIndexEnv('default', {
      OPENAI_BASE_URL: baseURL,
      LLM_MODEL: 'fake-model',
      LLM_DEADLINE_MS: '1500',
      LLM_CIRCUIT_FAILURES: '50',
    }),
    logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }),
  });
}, 120_000);
afterAll(() => server.stop());

function replyCiting(text: string, passageIndex = 1): string {
  return JSON.stringify({
    answer: `${text}[${passageIndex}]`,
    cited: [passageIndex],
    confidence: 0.9,
    needs_person: false,
  });
}

describe('answer pipeline with an LLM endpoint', () => {
  it('sends a verified LLM answer with its sources listed', async () => {
    server.respond({
      kind: 'chat',
      content: replyCiting('单位超过一个月不满一年没有签书面劳动合同，应当每月支付二倍的工资'),
    });
    const a = await bot.engine.ask({ text: '没签劳动合同能要双倍工资吗' });
    expect(a.mode).toBe('llm');
    expect(a.answer).toContain('二倍');
    expect(a.answer).toMatch(/\[1\] 《劳动合同法》第八十二条|\[1\] 《劳动合同法实施条例》/);
    expect(a.citations.length).toBe(1);
  });

  it('answers extractively when the draft cannot be verified', async () => {
    server.respond({ kind: 'chat', content: replyCiting('应当每月支付五倍的工资') });
    const a = await bot.engine.ask({ text: '没签劳动合同能要双倍工资吗' });
    expect(a.mode).toBe('extractive');
    expect(a.answer).not.toContain('五倍');
    expect(a.citations[0]?.law).toBeDefined();
  });

  it('answers extractively, within the deadline, when the endpoint is dead', async () => {
    server.respond({ kind: 'hang' });
    const from = logLines.length;
    const sent = server.chatRequests().length;
    // A question the drafter answers when the endpoint works (first test), so the hanging draft is really tried.
    const a = await bot.engine.ask({ text: '没签劳动合同能要双倍工资吗' });
    expect(server.chatRequests().length).toBeGreaterThan(sent);
    expect(a.mode).toBe('extractive');
    expect(a.answer).toContain('二倍');
    expect(a.citations.length).toBeGreaterThan(0);
    // The draft ended at its deadline (LLM_DEADLINE_MS), not when the hanging request did (it never does).
    const reasons = logLines.slice(from).map((line) => (JSON.parse(line) as { reason?: string }).reason);
    expect(reasons).toContain('timeout');
  });

  it('answers extractively on server errors', async () => {
    server.respond({ kind: 'status', status: 503 });
    expect((await bot.engine.ask({ text: 'công ty không đóng bảo hiểm xã hội' })).mode).toBe('extractive');
  });
});
