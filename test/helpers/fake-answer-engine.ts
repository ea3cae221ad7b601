import type { AnswerEngine, AskRequest, BotAnswer } from '../../src/core/types.js';

/**
 * A scripted answer engine: messages containing "urgent" / "受伤" escalate as
 * urgent, "人工" as person; everything else gets a plain answer. Records the
 * requests it saw (to check history is passed on).
 */
export class FakeAnswerEngine implements AnswerEngine {
  readonly requests: AskRequest[] = [];

  async ask(request: AskRequest): Promise<BotAnswer> {
    this.requests.push(request);
    const text = request.text;
    const vi = /[ăâđêôơư]|cong ty/i.test(text);
    const escalate = /urgent|受伤|bị thương/.test(text) ? 'urgent' : /人工|cán bộ/.test(text) ? 'person' : 'none';
    return {
      language: vi ? 'vi' : 'zh-Hans',
      jurisdiction: vi ? 'VN' : 'CN',
      answer: `answer to: ${text}`,
      citations: [],
      escalate,
      reasons: escalate === 'urgent' ? ['injury'] : escalate === 'person' ? ['asked_for_person'] : [],
      mode: 'extractive',
    };
  }
}
