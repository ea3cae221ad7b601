import { z } from 'zod';
import { definedEnv, parseEnv } from '../../config/app-config.js';

const schema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-').optional(),
  SLACK_CHANNEL_ID: z.string().regex(/^[CG][A-Z0-9]+$/, 'a Slack channel id such as C0123ABCD').optional(),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  URGENT_REMINDER_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
});

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret: string;
  readonly appToken?: string;
  readonly channel: string;
  readonly port: number;
  readonly reminderMinutes: number;
}

/** Slack settings: undefined when not configured; half-configured fails fast naming the missing variable. */
export function loadSlackConfig(env: Record<string, string | undefined>): SlackConfig | undefined {
  const e = parseEnv(schema, definedEnv(env));
  const required = { SLACK_BOT_TOKEN: e.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: e.SLACK_SIGNING_SECRET, SLACK_CHANNEL_ID: e.SLACK_CHANNEL_ID };
  const set = Object.entries(required).filter(([, v]) => v !== undefined);
  if (set.length === 0) return undefined;
  const missing = Object.entries(required).find(([, v]) => v === undefined);
  if (missing) throw new Error(`${missing[0]} must be set to use the Slack staff desk`);
  return {
    botToken: e.SLACK_BOT_TOKEN!,
    signingSecret: e.SLACK_SIGNING_SECRET!,
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    channel: e.SLACK_CHANNEL_ID!,
    port: e.SLACK_PORT,
    reminderMinutes: e.URGENT_REMINDER_MINUTES,
  };
}
