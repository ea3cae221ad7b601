import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaithfulnessJudge } from '../../eval/judge/faithfulness.js';
import { loadConfig } from '../../src/config/load-config.js';
import { FakeOpenAiServer } from '../helpers/fake-openai-server.js';

const server = new FakeOpenAiServer();
let baseURL = '';
beforeAll(async () => {
  baseURL = await server.start();
});
afterAll(() => server.stop());

describe('faithfulness judge', () => {
  it('is off without an endpoint, so the eval runs unchanged', () => {
    expect(createFaithfulnessJudge(loadConfig({}))).toBeUndefined();
  });

  it('asks the model and caps unsupported claims at the number of claims', async () => {
    server.respond({ kind: 'chat', content: JSON.stringify({ claims: 2, unsupported: 5, examples: ['三倍工资'] }) });
    const judge = createFaithfulnessJudge(loadConfig({ OPENAI_BASE_URL: baseURL, LLM_MODEL: 'judge' }))!;
    const verdict = await judge('应当支付三倍工资[1]。', ['应当向劳动者每月支付二倍的工资。']);
    expect(verdict).toEqual({ claims: 2, unsupported: 2, examples: ['三倍工资'] });
    expect(JSON.stringify(server.chatRequests()[0]?.body)).toContain('每月支付二倍的工资');
  });

  it('returns undefined when the judge answers garbage', async () => {
    server.respond({ kind: 'chat', content: 'no idea' });
    const judge = createFaithfulnessJudge(loadConfig({ OPENAI_BASE_URL: baseURL, LLM_MODEL: 'judge' }))!;
    expect(await judge('x', ['y'])).toBeUndefined();
  });
});
