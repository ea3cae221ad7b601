import { z } from 'zod';
import { definedEnv, parseEnv } from '../config/config-error.js';

const schema = z.object({
  /** Serve the staff console from `npm run serve`. Off by default. */
  CONSOLE_ENABLED: z.enum(['true', 'false']).default('false'),
  /**
   * Record answers, feedback and ticket events for the dashboard (and ask workers "did this help?").
   * Defaults to CONSOLE_ENABLED; set it in `npm run serve` when the console runs as its own process
   * (`npm run console`).
   */
  CONSOLE_EVENT_LOG: z.enum(['true', 'false']).optional(),
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** Loopback by default: put a TLS reverse proxy in front before exposing it. */
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  /** Session lifetime. */
  CONSOLE_SESSION_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  /** Mark cookies `Secure` (set when served over HTTPS, e.g. behind a proxy). */
  CONSOLE_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** Offset of the union's local time from UTC, for the dashboard's days. Default: China (UTC+8). */
  CONSOLE_UTC_OFFSET_MINUTES: z.coerce.number().int().min(-720).max(840).default(480),
  /** The eval report linked from the knowledge page, served read-only. */
  CONSOLE_EVAL_REPORT: z.string().min(1).default('eval/reports/latest.html'),
});

export type ConsoleConfig = Readonly<z.infer<typeof schema>>;

/** Settings of the staff console (errors name the variable). */
export function loadConsoleConfig(env: Record<string, string | undefined>): ConsoleConfig {
  return Object.freeze(parseEnv(schema, definedEnv(env)));
}
