import type { AnswerEngine } from '../../core/types.js';
import { EchoAnswerEngine } from '../../conversation/echo-answer-engine.js';
import { createNoticeRenderer, loadNotices, type NoticeRenderer } from '../../conversation/notices.js';

export type EngineChoice = 'auto' | 'real' | 'echo';

export interface LoadtestEngine {
  readonly engine: AnswerEngine;
  readonly label: string;
  /** The conversation notices: the real bot's loaded ones, or knowledge/'s for the echo engine. */
  readonly notices: NoticeRenderer;
  readonly hotline: string;
}

/**
 * The real answer pipeline, or (echo, or auto when it cannot be built) an engine that measures only
 * the serving path.
 */
export async function buildLoadtestEngine(choice: EngineChoice): Promise<LoadtestEngine> {
  if (choice !== 'echo') {
    try {
      const { createBot } = await import('../../create-bot.js');
      const bot = await createBot({ env: { ...process.env, LOG_LEVEL: 'error' } });
      return {
        engine: bot.engine,
        label: 'real answer pipeline',
        notices: createNoticeRenderer(bot.knowledge.conversation.notices),
        hotline: bot.hotlines.CN.union ?? '',
      };
    } catch (error) {
      if (choice === 'real') throw error;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `loadtest: the real answer pipeline could not be built (${reason}); ` +
          'measuring the serving path with the echo engine instead.\n',
      );
    }
  }
  return {
    engine: new EchoAnswerEngine(),
    label: 'echo engine (serving path only, no retrieval)',
    notices: loadNotices('knowledge'),
    hotline: '',
  };
}

export function parseEngineChoice(raw: string | undefined): EngineChoice {
  if (raw !== 'auto' && raw !== 'real' && raw !== 'echo')
    throw new Error(`--engine must be auto, real or echo, got ${raw}`);
  return raw;
}
