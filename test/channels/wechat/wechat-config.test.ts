import { describe, expect, it } from 'vitest';
import { loadWechatConfig } from '../../../src/channels/wechat/wechat-config.js';

describe('loadWechatConfig', () => {
  it('is off unless WECHAT_ENABLED=true', () => {
    expect(loadWechatConfig({})).toBeUndefined();
    expect(loadWechatConfig({ WECHATY_PUPPET: 'wechaty-puppet-wechat4u' })).toBeUndefined();
  });

  it('defaults to wechat4u without a token', () => {
    expect(loadWechatConfig({ WECHAT_ENABLED: 'true', WECHAT_ROOM_ALLOWLIST: ' 工会群 , R:123 ,' })).toEqual({
      puppet: 'wechaty-puppet-wechat4u',
      roomAllowList: ['工会群', 'R:123'],
      maxMessageLength: 1800,
      name: 'gonghui-bot',
    });
  });

  it('passes the token of a token-based puppet', () => {
    const config = loadWechatConfig({
      WECHAT_ENABLED: 'true',
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_workpro_abc',
    });
    expect(config).toMatchObject({ puppet: 'wechaty-puppet-service', puppetToken: 'puppet_workpro_abc' });
  });

  it('fails fast naming the variable when half-configured', () => {
    expect(() => loadWechatConfig({ WECHAT_ENABLED: 'true', WECHATY_PUPPET: 'wechaty-puppet-service' })).toThrow(
      /WECHATY_PUPPET_SERVICE_TOKEN must be set/,
    );
    expect(() => loadWechatConfig({ WECHAT_ENABLED: 'true', WECHATY_PUPPET_SERVICE_TOKEN: 't' })).toThrow(
      /WECHATY_PUPPET_SERVICE_TOKEN is set but WECHATY_PUPPET=wechaty-puppet-wechat4u/,
    );
    expect(() => loadWechatConfig({ WECHAT_ENABLED: 'true', WECHATY_PUPPET: 'wechat4u' })).toThrow(/WECHATY_PUPPET/);
    expect(() => loadWechatConfig({ WECHAT_ENABLED: 'yes' })).toThrow(/WECHAT_ENABLED/);
    expect(() => loadWechatConfig({ WECHAT_ENABLED: 'true', WECHAT_MAX_MESSAGE_LENGTH: '20' })).toThrow(
      /WECHAT_MAX_MESSAGE_LENGTH/,
    );
  });
});
