import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { InboundMessage, WorkerSender } from '../../conversation/types.js';
import { createAdapterKit, type PlatformAdapterSettings } from '../platform-common/adapter-kit.js';
import type { PlatformChannel } from '../platform-common/channel-adapter.js';
import type { ReplyQuota } from '../platform-common/channel-state-store.js';
import { rawBody } from '../platform-common/channels-server.js';
import { errorText } from '../../shared/error-text.js';
import { hashId } from '../platform-common/hash-id.js';
import { createWxCrypto } from '../platform-common/wx-crypto.js';
import { buildWxXml, parseWxXml } from '../platform-common/wx-xml.js';
import { createWechatOaApi, type WechatOaApi } from './wechat-oa-api.js';
import type { WechatOaConfig } from './wechat-oa-config.js';
import { dedupeKey, translateOaMessage } from './wechat-oa-events.js';

/**
 * WeChat's customer-service allowances: 5 messages within 48 h of a message; 3 within a minute of a
 * follow or menu click.
 */
export const OA_MESSAGE_QUOTA: ReplyQuota = { windowMs: 48 * 3_600_000, messages: 5 };
export const OA_EVENT_QUOTA: ReplyQuota = { windowMs: 60_000, messages: 3 };

export interface WechatOaAdapterSettings extends WechatOaConfig, PlatformAdapterSettings {
  /** Replaces the API client (tests). */
  readonly api?: WechatOaApi;
}

const query = z.object({
  signature: z.string().regex(/^[0-9a-f]{40}$/i),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().min(1).max(64),
  echostr: z.string().max(512).optional(),
  encrypt_type: z.string().optional(),
  msg_signature: z.string().optional(),
  openid: z.string().optional(),
});

/** Callback answers are kept this long: WeChat retries three times, about 5 s apart. */
const INFLIGHT_TTL_MS = 60_000;

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());

/**
 * WeChat Official Account (service account) channel: `GET /channels/wechat_oa`
 * answers the URL verification; `POST /channels/wechat_oa` takes messages and
 * events in plaintext or safe (AES) mode. An answer ready within
 * `passiveReplyMs` is given in the callback itself; a later one is sent
 * through the customer-service API after an immediate "success". Each
 * callback is answered once across WeChat's retries. Translates only: the
 * core decides what to say.
 */
export function createWechatOaAdapter(settings: WechatOaAdapterSettings): PlatformChannel {
  const log = settings.logger;
  const { now, guarded, tasks, split, languageOf, sendWithRetry } = createAdapterKit('wechat_oa', settings);
  const crypto = createWxCrypto({
    token: settings.token,
    receiveId: settings.appId,
    ...(settings.encodingAesKey ? { encodingAesKey: settings.encodingAesKey } : {}),
  });
  const api =
    settings.api ??
    createWechatOaApi({
      apiBase: settings.apiBase,
      appId: settings.appId,
      appSecret: settings.appSecret,
      ...(settings.now ? { now: settings.now } : {}),
    });
  const inflight = new Map<string, true>();

  /** Sends parts through the customer-service API, retrying transient failures. */
  async function sendLate(openId: string, parts: readonly string[]): Promise<void> {
    if (parts.length === 0) return;
    try {
      await sendWithRetry(openId, parts, (part) => api.sendText(openId, part));
    } catch (error) {
      log?.error(
        { channel: 'wechat_oa', user: hashId(openId), err: errorText(error) },
        'late answer could not be sent',
      );
    }
  }

  /** Everything to say for one callback, as message parts. */
  async function answer(fields: Readonly<Record<string, string>>): Promise<string[]> {
    const action = translateOaMessage(fields, settings.handoffEventKey);
    const openId = fields.FromUserName ?? '';
    switch (action.type) {
      case 'ignore':
        log?.debug({ channel: 'wechat_oa', why: action.why }, 'WeChat callback ignored');
        return [];
      case 'unsubscribe':
        settings.state.setUnsubscribed('wechat_oa', openId, true, now());
        log?.info({ channel: 'wechat_oa', user: hashId(openId) }, 'worker unfollowed the account');
        return [];
      case 'subscribe':
        settings.state.setUnsubscribed('wechat_oa', openId, false, now());
        settings.state.openWindow('wechat_oa', openId, now(), OA_EVENT_QUOTA);
        return split(settings.texts.worker('welcome', await languageOf(openId)));
      case 'handoff': {
        settings.state.openWindow('wechat_oa', openId, now(), OA_EVENT_QUOTA);
        const inbound: InboundMessage = {
          channel: 'wechat_oa',
          conversationId: openId,
          userId: openId,
          messageId: dedupeKey(fields),
          kind: 'text',
          text: settings.texts.worker('handoff_request', await languageOf(openId)),
          timestamp: now(),
        };
        return (await settings.port.handle(inbound)).flatMap((r) => split(r.text));
      }
      case 'message': {
        settings.state.setUnsubscribed('wechat_oa', openId, false, now());
        settings.state.openWindow('wechat_oa', openId, now(), OA_MESSAGE_QUOTA);
        // Staff messages held while the window was closed go out now, through the API.
        tasks.run(guarded.flushHeld(openId, (part) => api.sendText(openId, part)));
        log?.debug({ channel: 'wechat_oa', user: hashId(openId), kind: action.inbound.kind }, 'WeChat OA message');
        return (await settings.port.handle(action.inbound)).flatMap((r) => split(r.text));
      }
    }
  }

  /** The passive reply XML (encrypted in safe mode). */
  function passiveReply(fields: Readonly<Record<string, string>>, text: string, encrypted: boolean): string {
    const xml = buildWxXml({
      ToUserName: fields.FromUserName ?? '',
      FromUserName: fields.ToUserName ?? '',
      CreateTime: Math.floor(now() / 1000),
      MsgType: 'text',
      Content: text,
    });
    if (!encrypted) return xml;
    const encrypt = crypto.encrypt(xml);
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    return buildWxXml({
      Encrypt: encrypt,
      MsgSignature: crypto.sign(timestamp, nonce, encrypt),
      TimeStamp: Number(timestamp),
      Nonce: nonce,
    });
  }

  function rejectSignature(request: FastifyRequest, reply: FastifyReply, why: string): FastifyReply {
    // Never the body: it may hold a worker's message.
    log?.warn({ channel: 'wechat_oa', ip: request.ip, why }, 'WeChat callback rejected');
    return reply.status(401).type('text/plain').send('invalid signature');
  }

  async function onPost(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const q = query.safeParse(request.query);
    if (!q.success) return rejectSignature(request, reply, 'missing or malformed signature parameters');
    const { signature, timestamp, nonce } = q.data;
    if (!crypto.verify(signature, timestamp, nonce)) return rejectSignature(request, reply, 'bad signature');
    let fields: Record<string, string>;
    const safeMode = q.data.encrypt_type === 'aes';
    try {
      fields = parseWxXml(rawBody(request.body));
      if (safeMode) {
        const encrypt = fields.Encrypt ?? '';
        if (!q.data.msg_signature || !crypto.verify(q.data.msg_signature, timestamp, nonce, encrypt))
          return rejectSignature(request, reply, 'bad msg_signature');
        fields = parseWxXml(crypto.decrypt(encrypt));
      }
    } catch (error) {
      log?.warn({ channel: 'wechat_oa', err: errorText(error) }, 'WeChat callback body unreadable');
      return reply.status(400).type('text/plain').send('bad request');
    }

    const key = dedupeKey(fields);
    if (inflight.has(key)) return reply.type('text/plain').send('success'); // a retry: the first delivery answers
    inflight.set(key, true);
    setTimeout(() => inflight.delete(key), INFLIGHT_TTL_MS).unref();

    const openId = fields.FromUserName ?? '';
    const work = answer(fields);
    const ready = await Promise.race([
      work.then(
        (parts) => ({ parts }),
        (error: unknown) => ({ error }),
      ),
      delay(settings.passiveReplyMs),
    ]);
    if (ready === undefined) {
      // Too slow for the callback: answer now, send when ready.
      tasks.run(
        work.then(
          (parts) => sendLate(openId, parts),
          (error: unknown) =>
            log?.error({ channel: 'wechat_oa', err: errorText(error) }, 'answering a WeChat message failed'),
        ),
      );
      return reply.type('text/plain').send('success');
    }
    if ('error' in ready) {
      log?.error({ channel: 'wechat_oa', err: errorText(ready.error) }, 'answering a WeChat message failed');
      return reply.type('text/plain').send('success');
    }
    const [first, ...rest] = ready.parts;
    if (first === undefined) return reply.type('text/plain').send('success');
    if (rest.length > 0) tasks.run(sendLate(openId, rest));
    return reply.type('application/xml').send(passiveReply(fields, first, safeMode));
  }

  function onGet(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const q = query.safeParse(request.query);
    if (!q.success || !q.data.echostr) return rejectSignature(request, reply, 'missing verification parameters');
    if (!crypto.verify(q.data.signature, q.data.timestamp, q.data.nonce))
      return rejectSignature(request, reply, 'bad signature');
    return reply.type('text/plain').send(q.data.echostr);
  }

  const sender: WorkerSender = {
    channel: 'wechat_oa',
    async send(openId, text, context) {
      await guarded.send(openId, split(text), (part) => api.sendText(openId, part), context);
    },
  };

  return {
    name: 'wechat_oa',
    sender,
    register(app: FastifyInstance) {
      app.get('/channels/wechat_oa', (request, reply) => onGet(request, reply));
      app.post('/channels/wechat_oa', (request, reply) => onPost(request, reply));
    },
    idle: () => tasks.idle(),
    stop: () => tasks.idle(),
  };
}
