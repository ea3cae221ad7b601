import type { AnswerEngine, AskRequest, BotAnswer } from '../core/types.js';
import { detectLang } from '../language/detect-lang.js';

/**
 * An answer engine that only echoes: no retrieval, no citations, never
 * escalates. For load tests of the serving path (HTTP, core, store) when the
 * real pipeline cannot be built; never for workers.
 */
export class EchoAnswerEngine implements AnswerEngine {
  async ask(request: AskRequest): Promise<BotAnswer> {
    const language = detectLang(request.text, request.conversationLang).lang ?? request.conversationLang ?? 'zh-Hans';
    return {
      language,
      jurisdiction: language === 'vi' ? 'VN' : 'CN',
      answer: `[echo] ${request.text.slice(0, 200)}`,
      citations: [],
      escalate: 'none',
      reasons: [],
      mode: 'extractive',
    };
  }
}
