import { z } from 'zod';
import { createAccessTokenCache, WX_TOKEN_ERRORS } from '../platform-common/access-token.js';
import { DeliveryRefused } from '../platform-common/guarded-send.js';
import { fetchJson, postJson } from '../platform-common/http-json.js';

const tokenResponse = z.union([
  z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().int().positive() }),
  z.object({ errcode: z.number(), errmsg: z.string().optional() }),
]);
const errResponse = z.object({ errcode: z.number().default(0), errmsg: z.string().optional() });

/** The customer-service message API of a WeChat Official Account. */
export interface WechatOaApi {
  /** Sends one text; throws {@link DeliveryRefused} when WeChat says it can never succeed now. */
  sendText(openId: string, text: string): Promise<void>;
}

/**
 * Token from `/cgi-bin/token` (cached, refreshed 5 minutes before expiry and
 * again when WeChat says it is invalid), texts through
 * `/cgi-bin/message/custom/send`. 45015 (48 h passed), 45047 (message count
 * used up) and 43004 (not following) become DeliveryRefused.
 */
export function createWechatOaApi(settings: {
  apiBase: string;
  appId: string;
  appSecret: string;
  now?: () => number;
}): WechatOaApi {
  const base = settings.apiBase;
  const tokens = createAccessTokenCache(
    async () => {
      const url =
        `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(settings.appId)}` +
        `&secret=${encodeURIComponent(settings.appSecret)}`;
      const r = await fetchJson(url, { method: 'GET' }, tokenResponse);
      if ('errcode' in r) throw new Error(`WeChat token request failed: errcode ${r.errcode}`);
      return { token: r.access_token, expiresInSeconds: r.expires_in };
    },
    settings.now ? { now: settings.now } : {},
  );

  async function send(openId: string, text: string, retried: boolean): Promise<void> {
    const token = await tokens.get();
    const r = await postJson(
      `${base}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`,
      { touser: openId, msgtype: 'text', text: { content: text } },
      errResponse,
    );
    if (r.errcode === 0) return;
    if (WX_TOKEN_ERRORS.has(r.errcode) && !retried) {
      tokens.invalidate(token);
      return send(openId, text, true);
    }
    if (r.errcode === 45015) throw new DeliveryRefused('window_closed', 'WeChat 45015: reply time limit passed');
    if (r.errcode === 45047) throw new DeliveryRefused('quota_exhausted', 'WeChat 45047: message count limit reached');
    if (r.errcode === 43004)
      throw new DeliveryRefused('unsubscribed', 'WeChat 43004: worker does not follow the account');
    throw new Error(`WeChat custom send failed: errcode ${r.errcode}`);
  }

  return { sendText: (openId, text) => send(openId, text, false) };
}
