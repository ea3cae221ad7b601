import { describe, expect, it } from 'vitest';
import { loadPlatformChannelsConfig } from '../../../src/channels/platform-common/start-platform-channels.js';
import { loadWechatOaConfig } from '../../../src/channels/wechat-oa/wechat-oa-config.js';
import { loadWecomKfConfig } from '../../../src/channels/wecom-kf/wecom-kf-config.js';
import { loadZaloConfig } from '../../../src/channels/zalo/zalo-config.js';

const AES = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

describe('platform channel configuration', () => {
  it('leaves every channel off when nothing is set', () => {
    const c = loadPlatformChannelsConfig({});
    expect(c.oa).toBeUndefined();
    expect(c.kf).toBeUndefined();
    expect(c.zalo).toBeUndefined();
    expect(c.server).toEqual({ CHANNELS_HOST: '127.0.0.1', CHANNELS_PORT: 3100 });
  });

  it('names the missing variables of a half-configured channel', () => {
    expect(() => loadWechatOaConfig({ WECHAT_OA_APP_ID: 'wx1234567890abcdef' })).toThrow(
      /WECHAT_OA_APP_SECRET, WECHAT_OA_TOKEN must be set/,
    );
    expect(() =>
      loadWecomKfConfig({
        WECOM_KF_CORP_ID: 'ww1234567890abcdef',
        WECOM_KF_SECRET: 'x'.repeat(20),
        WECOM_KF_TOKEN: 'tok',
      }),
    ).toThrow(/WECOM_KF_ENCODING_AES_KEY must be set/);
    expect(() => loadZaloConfig({ ZALO_APP_ID: '12345678' })).toThrow(
      /ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN must be set/,
    );
  });

  it('names the variable with a bad value', () => {
    expect(() =>
      loadWechatOaConfig({
        WECHAT_OA_APP_ID: 'wx1234567890abcdef',
        WECHAT_OA_APP_SECRET: 's'.repeat(32),
        WECHAT_OA_TOKEN: 'tok',
        WECHAT_OA_ENCODING_AES_KEY: 'too-short',
      }),
    ).toThrow(/WECHAT_OA_ENCODING_AES_KEY/);
    expect(() => loadPlatformChannelsConfig({ CHANNELS_PORT: 'eighty' })).toThrow(/CHANNELS_PORT/);
    expect(() =>
      loadZaloConfig({
        ZALO_APP_ID: '12345678',
        ZALO_APP_SECRET: 'secret-1',
        ZALO_OA_SECRET_KEY: 'secret-2',
        ZALO_REFRESH_TOKEN: 'refresh-1',
        ZALO_REPLY_QUOTA: '0',
      }),
    ).toThrow(/ZALO_REPLY_QUOTA/);
  });

  it('reads complete settings with their defaults', () => {
    expect(
      loadWecomKfConfig({
        WECOM_KF_CORP_ID: 'ww1234567890abcdef',
        WECOM_KF_SECRET: 'x'.repeat(20),
        WECOM_KF_TOKEN: 'tok',
        WECOM_KF_ENCODING_AES_KEY: AES,
        WECOM_KF_SERVICER_USERID: 'zhangsan',
      }),
    ).toMatchObject({
      apiBase: 'https://qyapi.weixin.qq.com',
      servicerUserId: 'zhangsan',
      maxMessageLength: 600,
    });
    expect(
      loadZaloConfig({
        ZALO_APP_ID: '12345678',
        ZALO_APP_SECRET: 'secret-1',
        ZALO_OA_SECRET_KEY: 'secret-2',
        ZALO_REFRESH_TOKEN: 'refresh-1',
      }),
    ).toMatchObject({ replyWindowMs: 48 * 3_600_000, replyQuota: 8, language: 'vi' });
  });
});
