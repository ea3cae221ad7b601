import { describe, expect, it } from 'vitest';
import { openChannelStateStore } from '../../../src/channels/platform-common/channel-state-store.js';

const HOUR = 3_600_000;

describe('channel state store', () => {
  it('opens a reply window per worker action, counts sends against it and closes it on time', () => {
    const s = openChannelStateStore(':memory:');
    expect(s.checkWindow('wechat_oa', 'u', 0)).toBe('unknown');
    s.openWindow('wechat_oa', 'u', 0, { windowMs: 48 * HOUR, messages: 2 });
    expect(s.checkWindow('wechat_oa', 'u', HOUR)).toBe('open');
    s.countSent('wechat_oa', 'u');
    s.countSent('wechat_oa', 'u');
    expect(s.checkWindow('wechat_oa', 'u', HOUR)).toBe('exhausted');
    s.openWindow('wechat_oa', 'u', 2 * HOUR, { windowMs: 48 * HOUR, messages: 2 });
    expect(s.checkWindow('wechat_oa', 'u', 3 * HOUR)).toBe('open');
    expect(s.checkWindow('wechat_oa', 'u', 50 * HOUR)).toBe('closed');
    expect(s.checkWindow('zalo', 'u', HOUR)).toBe('unknown');
    s.close();
  });

  it('does not let a one-minute menu allowance cut short an open 48-hour window', () => {
    const s = openChannelStateStore(':memory:');
    s.openWindow('wechat_oa', 'u', 0, { windowMs: 48 * HOUR, messages: 5 });
    s.openWindow('wechat_oa', 'u', 1000, { windowMs: 60_000, messages: 3 });
    expect(s.checkWindow('wechat_oa', 'u', 10 * HOUR)).toBe('open');
    s.close();
  });

  it('remembers unfollowed workers, seen events and key/values', () => {
    const s = openChannelStateStore(':memory:');
    s.setUnsubscribed('zalo', 'u', true, 1);
    expect(s.isUnsubscribed('zalo', 'u')).toBe(true);
    expect(s.isUnsubscribed('wechat_oa', 'u')).toBe(false);
    s.setUnsubscribed('zalo', 'u', false, 2);
    expect(s.isUnsubscribed('zalo', 'u')).toBe(false);
    expect(s.markSeen('wecom_kf', 'e1', 10)).toBe(true);
    expect(s.markSeen('wecom_kf', 'e1', 11)).toBe(false);
    s.prune(100);
    expect(s.markSeen('wecom_kf', 'e1', 200)).toBe(true);
    s.hold('zalo', 'u', 'first', 10);
    s.hold('zalo', 'u', 'second', 20);
    expect(s.takeHeld('zalo', 'u')).toEqual(['first', 'second']);
    expect(s.takeHeld('zalo', 'u')).toEqual([]);
    s.hold('zalo', 'u', 'old', 10);
    s.prune(100);
    expect(s.takeHeld('zalo', 'u')).toEqual([]);
    s.set('k', 'v1');
    s.set('k', 'v2');
    expect(s.get('k')).toBe('v2');
    s.close();
  });
});
