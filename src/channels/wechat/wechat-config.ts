import { z } from 'zod';
import { ConfigError, definedEnv, parseEnv } from '../../config/config-error.js';

/** Puppets that log in with a QR code and take no token. */
const TOKENLESS_PUPPETS = new Set(['wechaty-puppet-wechat4u', 'wechaty-puppet-wechat', 'wechaty-puppet-mock']);
/** Puppets that cannot work without a token. */
const TOKEN_PUPPETS = new Set(['wechaty-puppet-service', 'wechaty-puppet-padlocal']);

const schema = z.object({
  WECHAT_ENABLED: z.enum(['true', 'false']).default('false'),
  WECHATY_PUPPET: z
    .string()
    .regex(
      /^(@[a-z0-9-]+\/)?wechaty-puppet-[a-z0-9-]+$/,
      'an npm puppet name such as wechaty-puppet-wechat4u or wechaty-puppet-service',
    )
    .default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  /** Comma-separated room ids or topics the bot answers in (when mentioned); empty = every room. */
  WECHAT_ROOM_ALLOWLIST: z.string().default(''),
  WECHAT_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(10_000).default(1800),
  /** Wechaty name; the login session is kept in `<name>.memory-card.json` in the working directory. */
  WECHAT_BOT_NAME: z
    .string()
    .regex(/^[\w.-]+$/, 'letters, digits, dot, dash or underscore (it names the session file)')
    .default('gonghui-bot'),
});

export interface WechatConfig {
  readonly puppet: string;
  readonly puppetToken?: string;
  readonly roomAllowList: readonly string[];
  readonly maxMessageLength: number;
  readonly name: string;
}

/**
 * WeChat settings; undefined unless WECHAT_ENABLED=true (logging in needs a
 * person to scan a QR code). A token-based puppet without its token, or a
 * token next to a QR-code puppet, fails fast naming the variable.
 */
export function loadWechatConfig(env: Record<string, string | undefined>): WechatConfig | undefined {
  const e = parseEnv(schema, definedEnv(env));
  if (e.WECHAT_ENABLED !== 'true') return undefined;
  const token = e.WECHATY_PUPPET_SERVICE_TOKEN;
  if (!token && (TOKEN_PUPPETS.has(e.WECHATY_PUPPET) || e.WECHATY_PUPPET.startsWith('@juzibot/'))) {
    throw new ConfigError(`WECHATY_PUPPET_SERVICE_TOKEN must be set to use WECHATY_PUPPET=${e.WECHATY_PUPPET}`);
  }
  if (token && TOKENLESS_PUPPETS.has(e.WECHATY_PUPPET)) {
    throw new ConfigError(
      `WECHATY_PUPPET_SERVICE_TOKEN is set but WECHATY_PUPPET=${e.WECHATY_PUPPET} ` +
        `logs in by QR code and takes no token; set WECHATY_PUPPET to the token's puppet (e.g. wechaty-puppet-service)`,
    );
  }
  return {
    puppet: e.WECHATY_PUPPET,
    ...(token ? { puppetToken: token } : {}),
    roomAllowList: e.WECHAT_ROOM_ALLOWLIST.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    maxMessageLength: e.WECHAT_MAX_MESSAGE_LENGTH,
    name: e.WECHAT_BOT_NAME,
  };
}
