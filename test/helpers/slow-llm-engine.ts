import type { AnswerEngine, AskRequest, BotAnswer } from '../../src/core/types.js';
import { FakeAnswerEngine } from './fake-answer-engine.js';

/**
 * The fake engine's answers, but every request that may use the LLM first
 * makes a real HTTP call to a (slow) fake OpenAI server. `offline` requests
 * (urgent messages) skip it, as the real engine does.
 */
export class SlowLlmEngine implements AnswerEngine {
  private readonly inner = new FakeAnswerEngine();
  llmCalls = 0;

  constructor(private readonly baseUrl: string) {}

  async ask(request: AskRequest): Promise<BotAnswer> {
    const answer = await this.inner.ask(request);
    if (request.offline) return answer;
    this.llmCalls += 1;
    const res = await fetch(`${this.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake', messages: [{ role: 'user', content: request.text }] }),
    });
    if (!res.ok) throw new Error(`llm ${res.status}`);
    await res.json();
    return { ...answer, mode: 'llm' };
  }
}
