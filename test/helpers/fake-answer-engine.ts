import type { AnswerEngine, AskRequest, BotAnswer } from '../../src/core/types.js';

/** A scripted override: a partial answer, or an error to throw. Undefined falls back to the default rules. */
export type FakeScript = (request: AskRequest) => Partial<BotAnswer> | Error | undefined;

/**
 * A scripted answer engine: messages containing "urgent" / "受伤" escalate as
 * urgent, "人工" as person; everything else gets a plain answer. Vietnamese
 * is recognised by its letters, Traditional Chinese by a few common
 * Traditional-only characters. Records the requests it saw (to check history
 * is passed on). `script` overrides answers per request; `gate` holds every
 * answer until it resolves (to test concurrency).
 */
export class FakeAnswerEngine implements AnswerEngine {
  readonly requests: AskRequest[] = [];
  gate: Promise<void> | undefined;

  constructor(private readonly script?: FakeScript) {}

  async ask(request: AskRequest): Promise<BotAnswer> {
    this.requests.push(request);
    if (this.gate) await this.gate;
    const scripted = this.script?.(request);
    if (scripted instanceof Error) throw scripted;
    const text = request.text;
    const vi = /[ăâđêôơư]|cong ty/i.test(text);
    const hant = /[們這裡會説說錢勞動薪資請問傷]/.test(text);
    const escalate = /urgent|受伤|受傷|bị thương/.test(text) ? 'urgent' : /人工|cán bộ/.test(text) ? 'person' : 'none';
    return {
      language: vi ? 'vi' : hant ? 'zh-Hant' : 'zh-Hans',
      jurisdiction: vi ? 'VN' : 'CN',
      answer: `answer to: ${text}`,
      citations: [],
      escalate,
      reasons: escalate === 'urgent' ? ['injury'] : escalate === 'person' ? ['asked_for_person'] : [],
      mode: 'extractive',
      ...scripted,
    };
  }
}
