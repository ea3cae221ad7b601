import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { WorkerSender, WorkerSendContext } from '../../conversation/types.js';
import { KeyedQueue } from '../wechat/keyed-queue.js';
import { createAdapterKit, type PlatformAdapterSettings } from '../platform-common/adapter-kit.js';
import type { PlatformChannel } from '../platform-common/channel-adapter.js';
import type { ReplyQuota } from '../platform-common/channel-state-store.js';
import { rawBody } from '../platform-common/channels-server.js';
import { errorText } from '../../shared/error-text.js';
import { hashId } from '../platform-common/hash-id.js';
import { createWxCrypto } from '../platform-common/wx-crypto.js';
import { parseWxXml } from '../platform-common/wx-xml.js';
import { kfConversationId, parseKfConversationId, type KfConversation } from './kf-conversation-id.js';
import { kfMessageKind } from './kf-message-kind.js';
import { createWecomKfApi, type KfMessage, type WecomKfApi } from './wecom-kf-api.js';
import type { WecomKfConfig } from './wecom-kf-config.js';

/** 微信客服 allowance: 5 messages within 48 hours of the customer's message. */
export const KF_MESSAGE_QUOTA: ReplyQuota = { windowMs: 48 * 3_600_000, messages: 5 };

export interface WecomKfAdapterSettings extends WecomKfConfig, PlatformAdapterSettings {
  readonly api?: WecomKfApi;
}

const query = z.object({
  msg_signature: z.string().regex(/^[0-9a-f]{40}$/i),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().min(1).max(64),
  echostr: z.string().max(1024).optional(),
});

const cursorKey = (openKfId: string) => `wecom_kf:cursor:${openKfId}`;

/**
 * WeCom Customer Service (微信客服) channel. The callback only says "there
 * are messages": it is answered at once, then messages are pulled with
 * `sync_msg` from a cursor persisted after every page (a restart resumes
 * where it stopped; messages seen twice are answered once by msgid).
 * Customer texts go to the core and answers go back with `send_msg`;
 * `enter_session` gets the welcome text. When staff claim a ticket the
 * session moves to a person (state 3, with the configured servicer) after
 * the "staff joined" notice; on resolve it returns to the bot (state 1)
 * before the "resolved" notice.
 */
export function createWecomKfAdapter(settings: WecomKfAdapterSettings): PlatformChannel {
  const log = settings.logger;
  const { now, guarded, tasks, split, languageOf, sendWithRetry } = createAdapterKit('wecom_kf', settings);
  const crypto = createWxCrypto({
    token: settings.token,
    encodingAesKey: settings.encodingAesKey,
    receiveId: settings.corpId,
  });
  const api =
    settings.api ??
    createWecomKfApi({
      apiBase: settings.apiBase,
      corpId: settings.corpId,
      secret: settings.secret,
      ...(settings.now ? { now: settings.now } : {}),
    });
  const syncs = new KeyedQueue();
  /** Accounts with a callback that arrived while their pull was running: pull once more. */
  const again = new Map<string, string | undefined>();
  const running = new Set<string>();
  let stopped = false;

  async function sendParts(c: KfConversation, parts: readonly string[], context?: WorkerSendContext): Promise<void> {
    await guarded.send(kfConversationId(c), parts, (part) => api.sendText(c.openKfId, c.externalUserId, part), context);
  }

  async function onCustomerMessage(m: KfMessage, c: KfConversation): Promise<void> {
    const conversationId = kfConversationId(c);
    settings.state.openWindow('wecom_kf', conversationId, now(), KF_MESSAGE_QUOTA);
    await guarded.flushHeld(conversationId, (part) => api.sendText(c.openKfId, c.externalUserId, part));
    const kind = kfMessageKind(m.msgtype);
    log?.debug({ channel: 'wecom_kf', user: hashId(c.externalUserId), kind }, 'WeCom KF message');
    const replies = await settings.port.handle({
      channel: 'wecom_kf',
      conversationId,
      userId: c.externalUserId,
      messageId: m.msgid,
      kind,
      text: kind === 'text' ? (m.text?.content ?? '').trim() : '',
      timestamp: m.send_time ? m.send_time * 1000 : now(),
    });
    const parts = replies.flatMap((r) => split(r.text));
    if (parts.length > 0)
      await sendWithRetry(conversationId, parts, (part) => api.sendText(c.openKfId, c.externalUserId, part));
  }

  async function onEvent(m: KfMessage): Promise<void> {
    const event = m.event;
    if (!event) return;
    if (!settings.state.markSeen('wecom_kf', m.msgid, now())) return;
    if (event.event_type === 'enter_session' && event.welcome_code) {
      const c = { openKfId: event.open_kfid ?? m.open_kfid ?? '', externalUserId: event.external_userid ?? '' };
      await api.sendWelcome(
        event.welcome_code,
        settings.texts.worker('welcome', await languageOf(kfConversationId(c))),
      );
      return;
    }
    if (event.event_type === 'msg_send_fail')
      log?.warn(
        { channel: 'wecom_kf', user: hashId(event.external_userid ?? ''), failType: event.fail_type },
        'WeCom reports a message was not delivered',
      );
    else log?.debug({ channel: 'wecom_kf', event: event.event_type }, 'WeCom KF event');
  }

  /** Handles one page: each customer's messages in order, customers in parallel. */
  async function handlePage(messages: readonly KfMessage[]): Promise<void> {
    const byUser = new Map<string, KfMessage[]>();
    for (const m of messages) {
      const key = m.external_userid ?? m.event?.external_userid ?? '';
      const list = byUser.get(key);
      if (list) list.push(m);
      else byUser.set(key, [m]);
    }
    await Promise.all(
      [...byUser.values()].map(async (list) => {
        for (const m of list) {
          try {
            if (m.origin === 3 && m.external_userid && m.open_kfid)
              await onCustomerMessage(m, { openKfId: m.open_kfid, externalUserId: m.external_userid });
            else if (m.origin === 4 && m.msgtype === 'event') await onEvent(m);
          } catch (error) {
            log?.error(
              { channel: 'wecom_kf', msg: m.msgid, err: errorText(error) },
              'WeCom KF message handling failed',
            );
          }
        }
      }),
    );
  }

  /** Pulls every waiting page for one account, saving the cursor after each. */
  async function pull(openKfId: string, token: string | undefined): Promise<void> {
    let more = true;
    while (more && !stopped) {
      const cursor = settings.state.get(cursorKey(openKfId));
      const page = await api.syncMsg({ openKfId, ...(token ? { token } : {}), ...(cursor ? { cursor } : {}) });
      await handlePage(page.messages);
      if (page.nextCursor) settings.state.set(cursorKey(openKfId), page.nextCursor);
      more = page.hasMore && page.nextCursor !== undefined && page.nextCursor !== cursor;
    }
  }

  /** Runs one pull per account at a time; a callback during a pull schedules one more. */
  function schedulePull(openKfId: string, token: string | undefined): void {
    if (running.has(openKfId)) {
      again.set(openKfId, token);
      return;
    }
    running.add(openKfId);
    tasks.run(
      syncs
        .run(openKfId, async () => {
          let next: string | undefined = token;
          for (;;) {
            await pull(openKfId, next).catch((error: unknown) =>
              log?.error({ channel: 'wecom_kf', err: errorText(error) }, 'WeCom sync_msg failed'),
            );
            if (!again.has(openKfId)) break;
            next = again.get(openKfId);
            again.delete(openKfId);
          }
        })
        .finally(() => running.delete(openKfId)),
    );
  }

  function reject(request: FastifyRequest, reply: FastifyReply, why: string): FastifyReply {
    log?.warn({ channel: 'wecom_kf', ip: request.ip, why }, 'WeCom callback rejected');
    return reply.status(401).type('text/plain').send('invalid signature');
  }

  function onGet(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const q = query.safeParse(request.query);
    if (!q.success || !q.data.echostr) return reject(request, reply, 'missing verification parameters');
    const { msg_signature: signature, timestamp, nonce, echostr } = q.data;
    if (!crypto.verify(signature, timestamp, nonce, echostr)) return reject(request, reply, 'bad msg_signature');
    try {
      return reply.type('text/plain').send(crypto.decrypt(echostr));
    } catch (error) {
      return reject(request, reply, `echostr not decryptable: ${errorText(error)}`);
    }
  }

  function onPost(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const q = query.safeParse(request.query);
    if (!q.success) return reject(request, reply, 'missing or malformed signature parameters');
    let fields: Record<string, string>;
    try {
      const envelope = parseWxXml(rawBody(request.body));
      const encrypt = envelope.Encrypt ?? '';
      if (!crypto.verify(q.data.msg_signature, q.data.timestamp, q.data.nonce, encrypt))
        return reject(request, reply, 'bad msg_signature');
      fields = parseWxXml(crypto.decrypt(encrypt));
    } catch (error) {
      log?.warn({ channel: 'wecom_kf', err: errorText(error) }, 'WeCom callback body unreadable');
      return reply.status(400).type('text/plain').send('bad request');
    }
    if (fields.Event === 'kf_msg_or_event' && fields.OpenKfId) schedulePull(fields.OpenKfId, fields.Token);
    else log?.debug({ channel: 'wecom_kf', event: fields.Event }, 'WeCom callback ignored');
    return reply.type('text/plain').send('success');
  }

  /** Moves the session on a claim or resolve; failures are logged, not retried (the notice must not be sent twice). */
  async function transition(c: KfConversation, state: 1 | 3): Promise<void> {
    try {
      await api.transState(c.openKfId, c.externalUserId, state, state === 3 ? settings.servicerUserId : undefined);
      log?.info({ channel: 'wecom_kf', user: hashId(c.externalUserId), state }, 'WeCom session state changed');
    } catch (error) {
      log?.error(
        { channel: 'wecom_kf', user: hashId(c.externalUserId), state, err: errorText(error) },
        'WeCom service state change failed',
      );
    }
  }

  const sender: WorkerSender = {
    channel: 'wecom_kf',
    async send(conversationId, text, context) {
      const c = parseKfConversationId(conversationId);
      if (!c) throw new Error('not a WeCom KF conversation id');
      const transfer = settings.servicerUserId !== undefined;
      // Only the bot may send through the API: give the session back first, hand it to the person after.
      if (transfer && context?.notice === 'resolved') await transition(c, 1);
      await sendParts(c, split(text), context);
      if (transfer && context?.notice === 'staff_joined') await transition(c, 3);
    },
  };

  return {
    name: 'wecom_kf',
    sender,
    register(app: FastifyInstance) {
      app.get('/channels/wecom_kf', (request, reply) => onGet(request, reply));
      app.post('/channels/wecom_kf', (request, reply) => onPost(request, reply));
    },
    idle: () => tasks.idle(),
    async stop() {
      stopped = true;
      await tasks.idle();
    },
  };
}
