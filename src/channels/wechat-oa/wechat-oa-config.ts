import { z } from 'zod';
import { definedEnv, parseEnv } from '../../config/config-error.js';
import { requireAllOrNone } from '../platform-common/channels-config.js';

const schema = z.object({
  WECHAT_OA_APP_ID: z
    .string()
    .regex(/^wx[0-9a-zA-Z]{8,30}$/, 'the AppID from the Official Account console (starts with wx)')
    .optional(),
  WECHAT_OA_APP_SECRET: z.string().min(16).optional(),
  /** The Token typed into the console's server configuration (3-32 letters or digits). */
  WECHAT_OA_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, '3-32 letters or digits, as entered in the console')
    .optional(),
  /** EncodingAESKey for safe mode (43 characters); empty = plaintext mode. */
  WECHAT_OA_ENCODING_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, '43 letters or digits, as generated in the console')
    .optional(),
  WECHAT_OA_API_BASE: z.url().default('https://api.weixin.qq.com'),
  /** Answer in the callback itself when ready within this time; later answers go through the customer-service API. */
  WECHAT_OA_PASSIVE_REPLY_MS: z.coerce.number().int().min(0).max(4500).default(4000),
  /** EventKey of the CLICK menu button that asks for a person. */
  WECHAT_OA_HANDOFF_EVENT_KEY: z.string().min(1).max(128).default('TALK_TO_PERSON'),
  /** Language of the welcome text for a new follower. */
  WECHAT_OA_LANGUAGE: z.enum(['zh-Hans', 'zh-Hant', 'vi']).default('zh-Hans'),
  /** Longest message in characters (WeChat's text limit is 2048 bytes: ~680 Chinese characters). */
  WECHAT_OA_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(2000).default(600),
});

export interface WechatOaConfig {
  readonly appId: string;
  readonly appSecret: string;
  readonly token: string;
  readonly encodingAesKey?: string;
  readonly apiBase: string;
  readonly passiveReplyMs: number;
  readonly handoffEventKey: string;
  readonly language: 'zh-Hans' | 'zh-Hant' | 'vi';
  readonly maxMessageLength: number;
}

/** WeChat Official Account settings; undefined when none of its required variables is set. */
export function loadWechatOaConfig(env: Record<string, string | undefined>): WechatOaConfig | undefined {
  const defined = definedEnv(env);
  const e = parseEnv(schema, defined);
  if (
    !requireAllOrNone(
      defined,
      ['WECHAT_OA_APP_ID', 'WECHAT_OA_APP_SECRET', 'WECHAT_OA_TOKEN'],
      'the WeChat Official Account channel',
    )
  )
    return undefined;
  return {
    appId: e.WECHAT_OA_APP_ID ?? '',
    appSecret: e.WECHAT_OA_APP_SECRET ?? '',
    token: e.WECHAT_OA_TOKEN ?? '',
    ...(e.WECHAT_OA_ENCODING_AES_KEY ? { encodingAesKey: e.WECHAT_OA_ENCODING_AES_KEY } : {}),
    apiBase: e.WECHAT_OA_API_BASE.replace(/\/+$/, ''),
    passiveReplyMs: e.WECHAT_OA_PASSIVE_REPLY_MS,
    handoffEventKey: e.WECHAT_OA_HANDOFF_EVENT_KEY,
    language: e.WECHAT_OA_LANGUAGE,
    maxMessageLength: e.WECHAT_OA_MAX_MESSAGE_LENGTH,
  };
}
