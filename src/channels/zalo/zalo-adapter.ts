import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WorkerSender } from '../../conversation/types.js';
import { KeyedQueue } from '../wechat/keyed-queue.js';
import { createAdapterKit, type PlatformAdapterSettings } from '../platform-common/adapter-kit.js';
import type { PlatformChannel } from '../platform-common/channel-adapter.js';
import { rawBody } from '../platform-common/channels-server.js';
import { errorText } from '../../shared/error-text.js';
import { hashId } from '../platform-common/hash-id.js';
import { createZaloApi, type ZaloApi } from './zalo-api.js';
import type { ZaloConfig } from './zalo-config.js';
import { translateZaloEvent, zaloEventSchema } from './zalo-events.js';
import { verifyZaloSignature } from './zalo-signature.js';

export interface ZaloAdapterSettings extends ZaloConfig, PlatformAdapterSettings {
  readonly api?: ZaloApi;
}

/**
 * Zalo Official Account channel: `POST /channels/zalo` receives the OA
 * webhook (signature checked with the OA secret key), answers at once, then
 * hands messages to the core in order per worker and sends answers through
 * the OA API v3 within the reply window (48 h / 8 messages after the worker's
 * last message by default). A follow gets the welcome text; an unfollow
 * stops all sends to that worker.
 */
export function createZaloAdapter(settings: ZaloAdapterSettings): PlatformChannel {
  const log = settings.logger;
  const { now, guarded, tasks, split, languageOf, sendWithRetry } = createAdapterKit('zalo', settings);
  const api =
    settings.api ??
    createZaloApi({
      apiBase: settings.apiBase,
      oauthBase: settings.oauthBase,
      appId: settings.appId,
      appSecret: settings.appSecret,
      refreshToken: settings.refreshToken,
      ...(settings.accessToken ? { accessToken: settings.accessToken } : {}),
      state: settings.state,
      ...(settings.now ? { now: settings.now } : {}),
    });
  const queue = new KeyedQueue();
  const quota = { windowMs: settings.replyWindowMs, messages: settings.replyQuota };

  async function process(action: ReturnType<typeof translateZaloEvent>): Promise<void> {
    switch (action.type) {
      case 'ignore':
        log?.debug({ channel: 'zalo', why: action.why }, 'Zalo event ignored');
        return;
      case 'unfollow':
        settings.state.setUnsubscribed('zalo', action.userId, true, now());
        log?.info({ channel: 'zalo', user: hashId(action.userId) }, 'worker unfollowed the OA');
        return;
      case 'follow': {
        settings.state.setUnsubscribed('zalo', action.userId, false, now());
        const welcome = settings.texts.worker('welcome', await languageOf(action.userId));
        await api
          .sendText(action.userId, welcome)
          .catch((error: unknown) =>
            log?.warn({ channel: 'zalo', user: hashId(action.userId), err: errorText(error) }, 'Zalo welcome not sent'),
          );
        return;
      }
      case 'message': {
        const { inbound } = action;
        settings.state.setUnsubscribed('zalo', inbound.userId, false, now());
        settings.state.openWindow('zalo', inbound.userId, now(), quota);
        await guarded.flushHeld(inbound.userId, (part) => api.sendText(inbound.userId, part));
        log?.debug({ channel: 'zalo', user: hashId(inbound.userId), kind: inbound.kind }, 'Zalo message');
        const parts = (await settings.port.handle(inbound)).flatMap((r) => split(r.text));
        if (parts.length > 0) await sendWithRetry(inbound.userId, parts, (part) => api.sendText(inbound.userId, part));
      }
    }
  }

  function onPost(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const body = rawBody(request.body);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      log?.warn({ channel: 'zalo', ip: request.ip }, 'Zalo webhook body is not JSON');
      return reply.status(400).send({ error: 'body must be JSON' });
    }
    const parsed = zaloEventSchema.safeParse(json);
    if (!parsed.success) {
      log?.warn(
        { channel: 'zalo', ip: request.ip, field: parsed.error.issues[0]?.path.join('.') },
        'Zalo webhook event malformed',
      );
      return reply.status(400).send({ error: 'malformed event' });
    }
    const event = parsed.data;
    const header = request.headers['x-zevent-signature'];
    if (
      event.app_id !== settings.appId ||
      !verifyZaloSignature(
        typeof header === 'string' ? header : undefined,
        event.app_id,
        body,
        event.timestamp,
        settings.oaSecretKey,
      )
    ) {
      // Never the body: it may hold a worker's message.
      log?.warn(
        { channel: 'zalo', ip: request.ip, event: event.event_name },
        'Zalo webhook rejected: bad signature or app id',
      );
      return reply.status(401).send({ error: 'invalid signature' });
    }
    const action = translateZaloEvent(event);
    const key = action.type === 'message' ? action.inbound.userId : action.type === 'ignore' ? '' : action.userId;
    tasks.run(
      queue
        .run(key, () => process(action))
        .catch((error: unknown) =>
          log?.error({ channel: 'zalo', err: errorText(error) }, 'Zalo event handling failed'),
        ),
    );
    return reply.send({ ok: true });
  }

  const sender: WorkerSender = {
    channel: 'zalo',
    async send(userId, text, context) {
      await guarded.send(userId, split(text), (part) => api.sendText(userId, part), context);
    },
  };

  return {
    name: 'zalo',
    sender,
    register(app: FastifyInstance) {
      app.post('/channels/zalo', (request, reply) => onPost(request, reply));
      // The console checks the URL answers before saving it.
      app.get('/channels/zalo', async () => ({ ok: true }));
      const code = settings.siteVerification;
      if (code) {
        // Domain ownership check: the console asks for this file at the domain root.
        app.get(`/zalo_verifier${code}.html`, (_request, reply) =>
          reply
            .type('text/html')
            .send(
              `<html><head><meta name="zalo-platform-site-verification" content="${code}" /></head>` +
                '<body></body></html>',
            ),
        );
      }
    },
    idle: () => tasks.idle(),
    stop: () => tasks.idle(),
  };
}
