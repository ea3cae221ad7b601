import { z } from 'zod';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import { parseModelJson } from '../../src/drafting/draft-schema.js';
import { loadPromptBook } from '../../src/drafting/load-prompt.js';
import { createChatClient } from '../../src/providers/openai/chat-client.js';
import { CircuitBreaker } from '../../src/providers/openai/circuit-breaker.js';

const verdictSchema = z.object({
  claims: z.number().int().min(0),
  unsupported: z.number().int().min(0),
  examples: z.array(z.string()).default([]),
});
export type FaithfulnessVerdict = z.infer<typeof verdictSchema>;

/**
 * Optional LLM judge: is each legal claim of an answer supported by the
 * excerpts it cites? Returns undefined when no endpoint is configured, so the
 * eval runs unchanged without one.
 */
export function createFaithfulnessJudge(settings: Pick<Config, 'llm' | 'app'> = loadConfig(process.env)) {
  const config = settings.llm;
  if (!config.llm) return undefined;
  const chat = createChatClient({
    endpoint: { ...config.llm, temperature: 0 },
    maxRetries: config.maxRetries,
    breaker: new CircuitBreaker(5, 30_000),
  });
  const prompts = loadPromptBook(settings.app.PROMPTS_DIR);
  return async (answer: string, excerpts: readonly string[]): Promise<FaithfulnessVerdict | undefined> => {
    const content = prompts.render('judge-faithfulness', {
      excerpts: excerpts.map((e, i) => `[${i + 1}] ${e}`).join('\n\n') || '(none)',
      answer,
    });
    const reply = await chat.complete([{ role: 'user', content }], Date.now() + Math.max(config.deadlineMs, 20_000));
    if (!reply.ok) return undefined;
    const parsed = parseModelJson(reply.content, verdictSchema);
    return parsed.success
      ? { ...parsed.value, unsupported: Math.min(parsed.value.unsupported, parsed.value.claims) }
      : undefined;
  };
}
