import Fastify, { type FastifyInstance } from 'fastify';
import type { PlatformChannel } from './channel-adapter.js';

/**
 * One HTTP server for the platform callbacks (`/channels/wechat_oa`,
 * `/channels/wecom_kf`, `/channels/zalo`). Bodies arrive as raw text:
 * signatures are computed over the exact bytes, and WeChat posts XML.
 */
export function createChannelsServer(
  channels: readonly PlatformChannel[],
  options: { bodyLimit?: number } = {},
): FastifyInstance {
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 65_536, logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.get('/channels/healthz', async () => ({ status: 'ok', channels: channels.map((c) => c.name) }));
  for (const channel of channels) channel.register(app);
  return app;
}

/** The raw body of a request parsed by {@link createChannelsServer}. */
export function rawBody(body: unknown): string {
  return typeof body === 'string' ? body : '';
}
