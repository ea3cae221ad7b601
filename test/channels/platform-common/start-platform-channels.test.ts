import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadChannelTexts } from '../../../src/channels/platform-common/channel-texts.js';
import {
  loadPlatformChannelsConfig,
  startPlatformChannels,
  type RunningPlatformChannels,
} from '../../../src/channels/platform-common/start-platform-channels.js';
import { createChannelHarness, type ChannelHarness } from '../../helpers/channel-harness.js';
import { wxSignature } from '../../helpers/wx-envelope.js';

let h: ChannelHarness | undefined;
let running: RunningPlatformChannels | undefined;

afterEach(async () => {
  await running?.stop();
  await h?.close();
});

describe('npm run serve: platform channels', () => {
  it('starts nothing when no channel is configured', async () => {
    h = createChannelHarness();
    running = await startPlatformChannels({
      config: loadPlatformChannelsConfig({}),
      port: h.core,
      store: h.store,
      texts: loadChannelTexts('knowledge'),
      dataDir: mkdtempSync(join(tmpdir(), 'pc-')),
      logger: h.log.logger,
    });
    expect(running.senders.size).toBe(0);
    expect(h.log.lines.join('\n')).toContain('WeChat Official Account off');
  });

  it('starts each configured channel on the callback server and offers its sender to the outbox', async () => {
    h = createChannelHarness();
    const env = {
      CHANNELS_PORT: '0',
      WECHAT_OA_APP_ID: 'wx1234567890abcdef',
      WECHAT_OA_APP_SECRET: 's'.repeat(32),
      WECHAT_OA_TOKEN: 'tok123',
      ZALO_APP_ID: '12345678',
      ZALO_APP_SECRET: 'secret-1',
      ZALO_OA_SECRET_KEY: 'secret-2',
      ZALO_REFRESH_TOKEN: 'refresh-1',
    };
    running = await startPlatformChannels({
      config: loadPlatformChannelsConfig(env),
      port: h.core,
      store: h.store,
      texts: loadChannelTexts('knowledge'),
      dataDir: mkdtempSync(join(tmpdir(), 'pc-')),
      logger: h.log.logger,
    });
    expect([...running.senders.keys()].sort()).toEqual(['wechat_oa', 'zalo']);
    const line = h.log.lines.find((l) => l.includes('Platform channels on'));
    const port = /127\.0\.0\.1:(\d+)/.exec(line ?? '')?.[1];
    const q = new URLSearchParams({
      signature: wxSignature('tok123', '1', 'n'),
      timestamp: '1',
      nonce: 'n',
      echostr: 'hello',
    });
    const response = await fetch(`http://127.0.0.1:${port}/channels/wechat_oa?${q.toString()}`);
    expect(await response.text()).toBe('hello');
  });
});
