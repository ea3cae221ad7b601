import { join } from 'node:path';
import type { ChannelName, WorkerSender } from '../../conversation/types.js';
import type { Logger } from '../../shared/logger.js';
import type { TicketStore } from '../../conversation/ticket-store.js';
import { loadWechatOaConfig, type WechatOaConfig } from '../wechat-oa/wechat-oa-config.js';
import { createWechatOaAdapter } from '../wechat-oa/wechat-oa-adapter.js';
import { loadWecomKfConfig, type WecomKfConfig } from '../wecom-kf/wecom-kf-config.js';
import { createWecomKfAdapter } from '../wecom-kf/wecom-kf-adapter.js';
import { loadZaloConfig, type ZaloConfig } from '../zalo/zalo-config.js';
import { createZaloAdapter } from '../zalo/zalo-adapter.js';
import type { ChannelPort, PlatformChannel } from './channel-adapter.js';
import { openChannelStateStore } from './channel-state-store.js';
import type { ChannelTexts } from './channel-texts.js';
import { loadChannelsServerConfig, type ChannelsServerConfig } from './channels-config.js';
import { createChannelsServer } from './channels-server.js';
import { createStaffNotes } from './staff-notes.js';

/** The platform channels' settings, read before the slow start-up so a bad variable fails fast. */
export interface PlatformChannelsConfig {
  readonly oa?: WechatOaConfig;
  readonly kf?: WecomKfConfig;
  readonly zalo?: ZaloConfig;
  readonly server: ChannelsServerConfig;
}

export function loadPlatformChannelsConfig(env: Record<string, string | undefined>): PlatformChannelsConfig {
  const oa = loadWechatOaConfig(env);
  const kf = loadWecomKfConfig(env);
  const zalo = loadZaloConfig(env);
  return {
    ...(oa ? { oa } : {}),
    ...(kf ? { kf } : {}),
    ...(zalo ? { zalo } : {}),
    server: loadChannelsServerConfig(env),
  };
}

export interface PlatformChannelsSettings {
  readonly config: PlatformChannelsConfig;
  readonly port: ChannelPort;
  readonly store: TicketStore;
  /** Wording of knowledge/channels/texts.json (createChannelTexts of the loaded knowledge). */
  readonly texts: ChannelTexts;
  readonly dataDir: string;
  readonly logger: Logger;
}

export interface RunningPlatformChannels {
  /** Senders to add to the outbox dispatcher, one per started channel. */
  readonly senders: ReadonlyMap<ChannelName, WorkerSender>;
  stop(): Promise<void>;
}

/**
 * Starts every configured platform channel (WeChat Official Account, WeCom
 * Customer Service, Zalo OA) on one callback server (CHANNELS_HOST,
 * CHANNELS_PORT). Configuration errors stop start-up naming the variable;
 * channels not configured say so in one log line each.
 */
export async function startPlatformChannels(settings: PlatformChannelsSettings): Promise<RunningPlatformChannels> {
  const { logger: log } = settings;
  const { oa, kf, zalo, server: serverConfig } = settings.config;
  if (!oa)
    log.warn(
      'WeChat Official Account off: set WECHAT_OA_APP_ID, WECHAT_OA_APP_SECRET, WECHAT_OA_TOKEN ' +
        '(docs/wechat-official-account-setup.md)',
    );
  if (!kf)
    log.warn(
      'WeCom Customer Service off: set WECOM_KF_CORP_ID, WECOM_KF_SECRET, WECOM_KF_TOKEN, WECOM_KF_ENCODING_AES_KEY ' +
        '(docs/wecom-kf-setup.md)',
    );
  if (!zalo)
    log.warn(
      'Zalo OA off: set ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN (docs/zalo-setup.md)',
    );
  if (!oa && !kf && !zalo) return { senders: new Map(), stop: async () => undefined };

  const state = openChannelStateStore(join(settings.dataDir, 'channels.sqlite'));
  const { texts } = settings;
  const notes = createStaffNotes(settings.store, texts);
  const languageOf = (channel: ChannelName) => async (conversationId: string) =>
    (await settings.store.getConversation(channel, conversationId))?.lang;
  const common = { port: settings.port, state, texts, notes, logger: log };
  const channels: PlatformChannel[] = [
    ...(oa ? [createWechatOaAdapter({ ...oa, ...common, conversationLanguage: languageOf('wechat_oa') })] : []),
    ...(kf ? [createWecomKfAdapter({ ...kf, ...common, conversationLanguage: languageOf('wecom_kf') })] : []),
    ...(zalo ? [createZaloAdapter({ ...zalo, ...common, conversationLanguage: languageOf('zalo') })] : []),
  ];
  const server = createChannelsServer(channels);
  await server.listen({ port: serverConfig.CHANNELS_PORT, host: serverConfig.CHANNELS_HOST });
  const address = server.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : serverConfig.CHANNELS_PORT;
  log.warn(
    `Platform channels on http://${serverConfig.CHANNELS_HOST}:${boundPort}: ${channels.map((c) => `/channels/${c.name}`).join(', ')}`,
  );
  const pruneTimer = setInterval(() => state.prune(Date.now() - 7 * 24 * 3_600_000), 3_600_000);
  pruneTimer.unref();
  return {
    senders: new Map(channels.map((c) => [c.name, c.sender] as const)),
    async stop() {
      clearInterval(pruneTimer);
      await server.close();
      for (const c of channels) await c.stop();
      state.close();
    },
  };
}
