import { z } from 'zod';
import { ConfigError, definedEnv, parseEnv } from '../../config/config-error.js';

const schema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(16, 'the app’s signing secret (Basic Information > App Credentials)').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starting with xapp-').optional(),
  SLACK_CHANNEL_ID: z
    .string()
    .regex(/^[CG][A-Z0-9]{6,}$/, 'a Slack channel id such as C0123ABCD (not the channel name)')
    .optional(),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Interface of /slack/events; behind a reverse proxy keep loopback. */
  SLACK_HOST: z.string().min(1).default('127.0.0.1'),
  /** Web API base URL (a proxy, or a local fake in tests). */
  SLACK_API_URL: z.url({ message: 'a URL such as https://slack.com/api/' }).optional(),
  SLACK_API_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  URGENT_REMINDER_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
});

/** Settings of the Slack staff desk; spreads into `createSlackDesk` (add `port`, `logger`). */
export interface SlackConfig {
  readonly botToken: string;
  /** Absent only in Socket Mode. */
  readonly signingSecret?: string;
  readonly appToken?: string;
  readonly channel: string;
  /** HTTP port of `/slack/events` (unused in Socket Mode). */
  readonly listenPort: number;
  readonly listenHost: string;
  readonly slackApiUrl?: string;
  readonly apiTimeoutMs: number;
  /** Remind the channel when an urgent ticket stays unclaimed this long (the outbox dispatcher's setting). */
  readonly reminderMinutes: number;
}

/**
 * Slack settings: undefined when no Slack variable is set; when some are set
 * but not all that are needed, fails fast naming the missing variable. Over
 * HTTP the bot token, signing secret and channel are needed; in Socket Mode
 * (SLACK_APP_TOKEN) the signing secret is not.
 */
export function loadSlackConfig(env: Record<string, string | undefined>): SlackConfig | undefined {
  const e = parseEnv(schema, definedEnv(env));
  const anySet = [e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN, e.SLACK_CHANNEL_ID].some(
    (v) => v !== undefined,
  );
  if (!anySet) return undefined;
  const socketMode = e.SLACK_APP_TOKEN !== undefined;
  const required: [string, string | undefined][] = [
    ['SLACK_BOT_TOKEN', e.SLACK_BOT_TOKEN],
    ...(socketMode ? [] : [['SLACK_SIGNING_SECRET', e.SLACK_SIGNING_SECRET] as [string, string | undefined]]),
    ['SLACK_CHANNEL_ID', e.SLACK_CHANNEL_ID],
  ];
  const missing = required.find(([, v]) => v === undefined);
  if (missing)
    throw new ConfigError(`${missing[0]} must be set to use the Slack staff desk${socketMode ? ' (Socket Mode)' : ''}`);
  return {
    botToken: e.SLACK_BOT_TOKEN!,
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    channel: e.SLACK_CHANNEL_ID!,
    listenPort: e.SLACK_PORT,
    listenHost: e.SLACK_HOST,
    ...(e.SLACK_API_URL ? { slackApiUrl: e.SLACK_API_URL } : {}),
    apiTimeoutMs: e.SLACK_API_TIMEOUT_MS,
    reminderMinutes: e.URGENT_REMINDER_MINUTES,
  };
}
