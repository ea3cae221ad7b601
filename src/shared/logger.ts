import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stderr, so stdout stays clean for answers and `--json` output.
 * Message text is never logged at info level: workers share personal data.
 */
export function createLogger(level: string = 'warn', name = 'gonghui-bot'): Logger {
  return pino({ name, level }, pino.destination(2));
}
