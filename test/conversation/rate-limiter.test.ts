import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/conversation/rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst, gives one notice, then drops until a token is back', () => {
    let t = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 2 }, () => t);
    expect(['u', 'u', 'u', 'u'].map((u) => limiter.take(u))).toEqual(['allow', 'allow', 'notice', 'drop']);
    t += 9_000; // 0.9 token
    expect(limiter.take('u')).toBe('drop');
    t += 1_000;
    expect(limiter.take('u')).toBe('allow');
    // After an allowed message, the next flood gets its own notice.
    expect(limiter.take('u')).toBe('notice');
  });

  it('forgets idle users whose bucket has refilled', () => {
    let t = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 }, () => t);
    for (let i = 0; i < 999; i += 1) limiter.take(`user-${i}`);
    expect(limiter.size).toBe(999);
    t += 2_000;
    limiter.take('late'); // the 1000th decision sweeps
    expect(limiter.size).toBe(1);
  });

  it('rejects settings that would block everyone', () => {
    expect(() => new RateLimiter({ perMinute: 0, burst: 1 })).toThrow();
    expect(() => new RateLimiter({ perMinute: 1, burst: 0 })).toThrow();
  });
});
