import { z } from 'zod';
import { definedEnv, parseEnv } from '../../config/config-error.js';
import { requireAllOrNone } from '../platform-common/channels-config.js';

const schema = z.object({
  /** 企业ID (My Company > Company Information > Company ID), starts with ww or wx. */
  WECOM_KF_CORP_ID: z
    .string()
    .regex(/^w[wx][0-9a-zA-Z]{8,30}$/, 'the Corp ID from the WeCom admin console (starts with ww)')
    .optional(),
  /** Secret of the self-built app allowed to call the 微信客服 API. */
  WECOM_KF_SECRET: z.string().min(16).optional(),
  /** Callback Token (3-32 letters or digits). */
  WECOM_KF_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, '3-32 letters or digits, as entered in the console')
    .optional(),
  /** Callback EncodingAESKey (43 characters); WeCom callbacks are always encrypted. */
  WECOM_KF_ENCODING_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, '43 letters or digits, as generated in the console')
    .optional(),
  WECOM_KF_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),
  /**
   * WeCom userid of the 接待人员 who takes sessions when a staff member claims a ticket; empty =
   * sessions stay with the bot.
   */
  WECOM_KF_SERVICER_USERID: z
    .string()
    .regex(/^[\w.@-]{1,64}$/, 'a WeCom userid')
    .optional(),
  WECOM_KF_LANGUAGE: z.enum(['zh-Hans', 'zh-Hant', 'vi']).default('zh-Hans'),
  /** Longest message in characters (text.content is limited to 2048 bytes). */
  WECOM_KF_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(2000).default(600),
});

export interface WecomKfConfig {
  readonly corpId: string;
  readonly secret: string;
  readonly token: string;
  readonly encodingAesKey: string;
  readonly apiBase: string;
  readonly servicerUserId?: string;
  readonly language: 'zh-Hans' | 'zh-Hant' | 'vi';
  readonly maxMessageLength: number;
}

/** WeCom Customer Service settings; undefined when none of its required variables is set. */
export function loadWecomKfConfig(env: Record<string, string | undefined>): WecomKfConfig | undefined {
  const defined = definedEnv(env);
  const e = parseEnv(schema, defined);
  if (
    !requireAllOrNone(
      defined,
      ['WECOM_KF_CORP_ID', 'WECOM_KF_SECRET', 'WECOM_KF_TOKEN', 'WECOM_KF_ENCODING_AES_KEY'],
      'the WeCom Customer Service channel',
    )
  )
    return undefined;
  return {
    corpId: e.WECOM_KF_CORP_ID ?? '',
    secret: e.WECOM_KF_SECRET ?? '',
    token: e.WECOM_KF_TOKEN ?? '',
    encodingAesKey: e.WECOM_KF_ENCODING_AES_KEY ?? '',
    apiBase: e.WECOM_KF_API_BASE.replace(/\/+$/, ''),
    ...(e.WECOM_KF_SERVICER_USERID ? { servicerUserId: e.WECOM_KF_SERVICER_USERID } : {}),
    language: e.WECOM_KF_LANGUAGE,
    maxMessageLength: e.WECOM_KF_MAX_MESSAGE_LENGTH,
  };
}
