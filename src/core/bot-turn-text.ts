import type { BotAnswer } from './types.js';

/**
 * The text a bot turn keeps in the conversation history: the reply plus its
 * hidden memo (a calculator's pending question), so a follow-up can continue
 * it even after a restart, while the worker only ever sees the reply.
 */
export function botTurnText(answer: Pick<BotAnswer, 'answer' | 'memo'>): string {
  return answer.memo ? `${answer.answer}\n${answer.memo}` : answer.answer;
}
