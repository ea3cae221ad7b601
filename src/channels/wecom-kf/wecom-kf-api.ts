import { z } from 'zod';
import { createAccessTokenCache, WX_TOKEN_ERRORS } from '../platform-common/access-token.js';
import { DeliveryRefused } from '../platform-common/guarded-send.js';
import { fetchJson, postJson } from '../platform-common/http-json.js';

const base = z.object({ errcode: z.number().default(0), errmsg: z.string().optional() });
const tokenResponse = base.extend({
  access_token: z.string().optional(),
  expires_in: z.coerce.number().int().positive().optional(),
});

const kfMessage = z.looseObject({
  msgid: z.string().min(1),
  open_kfid: z.string().optional(),
  external_userid: z.string().optional(),
  send_time: z.number().optional(),
  /** 3 from the WeChat user, 4 system event, 5 from a servicer in the WeCom app. */
  origin: z.number(),
  msgtype: z.string(),
  text: z.object({ content: z.string() }).optional(),
  event: z
    .looseObject({
      event_type: z.string(),
      open_kfid: z.string().optional(),
      external_userid: z.string().optional(),
      welcome_code: z.string().optional(),
      fail_type: z.number().optional(),
    })
    .optional(),
});
export type KfMessage = z.infer<typeof kfMessage>;

const syncResponse = base.extend({
  next_cursor: z.string().optional(),
  has_more: z.number().optional(),
  msg_list: z.array(kfMessage).optional(),
});

/** WeCom customer-service states: 0 new, 1 bot, 2 queued, 3 with a person, 4 closed. */
export type KfServiceState = 0 | 1 | 2 | 3 | 4;

export interface WecomKfApi {
  syncMsg(request: {
    openKfId: string;
    token?: string;
    cursor?: string;
  }): Promise<{ messages: KfMessage[]; nextCursor?: string; hasMore: boolean }>;
  /** One text; 95018 (session not with the bot) becomes DeliveryRefused('person_state'). */
  sendText(openKfId: string, externalUserId: string, text: string): Promise<void>;
  sendWelcome(welcomeCode: string, text: string): Promise<void>;
  transState(openKfId: string, externalUserId: string, state: KfServiceState, servicerUserId?: string): Promise<void>;
}

/**
 * The 微信客服 API: token from `/cgi-bin/gettoken` (cached, refreshed before
 * expiry and when WeCom says it is invalid), `kf/sync_msg`, `kf/send_msg`,
 * `kf/send_msg_on_event`, `kf/service_state/trans`.
 */
export function createWecomKfApi(settings: {
  apiBase: string;
  corpId: string;
  secret: string;
  now?: () => number;
}): WecomKfApi {
  const root = settings.apiBase;
  const tokens = createAccessTokenCache(
    async () => {
      const r = await fetchJson(
        `${root}/cgi-bin/gettoken?corpid=${encodeURIComponent(settings.corpId)}` +
          `&corpsecret=${encodeURIComponent(settings.secret)}`,
        { method: 'GET' },
        tokenResponse,
      );
      if (r.errcode !== 0 || !r.access_token || !r.expires_in)
        throw new Error(`WeCom token request failed: errcode ${r.errcode}`);
      return { token: r.access_token, expiresInSeconds: r.expires_in };
    },
    settings.now ? { now: settings.now } : {},
  );

  /** POSTs with the access token; a token error gets one retry with a fresh token. */
  async function call<T extends typeof base>(path: string, body: unknown, schema: T): Promise<z.infer<T>> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await tokens.get();
      const r = await postJson(`${root}${path}?access_token=${encodeURIComponent(token)}`, body, schema);
      if (!WX_TOKEN_ERRORS.has(r.errcode) || attempt > 0) return r;
      tokens.invalidate(token);
    }
  }

  const check = (what: string, r: z.infer<typeof base>) => {
    if (r.errcode !== 0) throw new Error(`WeCom ${what} failed: errcode ${r.errcode}`);
  };

  return {
    async syncMsg({ openKfId, token, cursor }) {
      const r = await call(
        '/cgi-bin/kf/sync_msg',
        { open_kfid: openKfId, limit: 1000, ...(token ? { token } : {}), ...(cursor ? { cursor } : {}) },
        syncResponse,
      );
      check('sync_msg', r);
      return {
        messages: r.msg_list ?? [],
        ...(r.next_cursor ? { nextCursor: r.next_cursor } : {}),
        hasMore: r.has_more === 1,
      };
    },
    async sendText(openKfId, externalUserId, text) {
      const r = await call(
        '/cgi-bin/kf/send_msg',
        { touser: externalUserId, open_kfid: openKfId, msgtype: 'text', text: { content: text } },
        base,
      );
      if (r.errcode === 95018) throw new DeliveryRefused('person_state', 'WeCom 95018: session is not with the bot');
      check('send_msg', r);
    },
    async sendWelcome(welcomeCode, text) {
      check(
        'send_msg_on_event',
        await call(
          '/cgi-bin/kf/send_msg_on_event',
          { code: welcomeCode, msgtype: 'text', text: { content: text } },
          base,
        ),
      );
    },
    async transState(openKfId, externalUserId, state, servicerUserId) {
      check(
        'service_state/trans',
        await call(
          '/cgi-bin/kf/service_state/trans',
          {
            open_kfid: openKfId,
            external_userid: externalUserId,
            service_state: state,
            ...(servicerUserId ? { servicer_userid: servicerUserId } : {}),
          },
          base,
        ),
      );
    },
  };
}
