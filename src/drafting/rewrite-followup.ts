import { z } from 'zod';
import type { HistoryTurn, Lang } from '../core/types.js';
import { rewriteFollowUpOffline } from './rewrite-followup-offline.js';
import { maskPii } from '../privacy/mask-pii.js';
import type { ChatClient } from '../providers/openai/chat-client.js';
import { parseModelJson } from './draft-schema.js';
import type { PromptBook } from './load-prompt.js';

const rewriteSchema = z.object({ question: z.string().min(1).max(1000) });

/**
 * Rewrites a follow-up into a standalone question with the LLM; falls back to
 * the offline rewrite on any failure, within `deadlineMs`.
 */
export function createLlmRewriter(chat: ChatClient, prompts: PromptBook, deadlineMs: number) {
  return async ({
    question,
    lang,
    history,
  }: {
    question: string;
    lang: Lang;
    history: readonly HistoryTurn[];
  }): Promise<string> => {
    const offline = rewriteFollowUpOffline(question, lang, history);
    if (history.length === 0) return question;
    const content = prompts.render('rewrite-followup', {
      history: history
        .slice(-6)
        .map((t) => `${t.role}: ${maskPii(t.text).slice(0, 400)}`)
        .join('\n'),
      question: maskPii(question),
    });
    const reply = await chat.complete([{ role: 'user', content }], Date.now() + deadlineMs);
    if (!reply.ok) return offline;
    const parsed = parseModelJson(reply.content, rewriteSchema);
    return parsed.success ? parsed.value.question : offline;
  };
}
