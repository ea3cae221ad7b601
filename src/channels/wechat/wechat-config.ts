import { z } from 'zod';
import { definedEnv, parseEnv } from '../../config/app-config.js';

const schema = z.object({
  WECHAT_ENABLED: z.enum(['true', 'false']).default('false'),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  /** Comma-separated room ids or topics the bot answers in (when mentioned); empty = every room. */
  WECHAT_ROOM_ALLOWLIST: z.string().default(''),
  WECHAT_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(10_000).default(1800),
  WECHAT_BOT_NAME: z.string().min(1).default('gonghui-bot'),
});

export interface WechatConfig {
  readonly puppet: string;
  readonly puppetToken?: string;
  readonly roomAllowList: readonly string[];
  readonly maxMessageLength: number;
  readonly name: string;
}

/** WeChat settings; undefined unless WECHAT_ENABLED=true (logging in needs a person to scan a QR code). */
export function loadWechatConfig(env: Record<string, string | undefined>): WechatConfig | undefined {
  const e = parseEnv(schema, definedEnv(env));
  if (e.WECHAT_ENABLED !== 'true') return undefined;
  return {
    puppet: e.WECHATY_PUPPET,
    ...(e.WECHATY_PUPPET_SERVICE_TOKEN ? { puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN } : {}),
    roomAllowList: e.WECHAT_ROOM_ALLOWLIST.split(',').map((s) => s.trim()).filter(Boolean),
    maxMessageLength: e.WECHAT_MAX_MESSAGE_LENGTH,
    name: e.WECHAT_BOT_NAME,
  };
}
