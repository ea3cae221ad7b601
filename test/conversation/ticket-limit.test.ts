import { describe, expect, it } from 'vitest';
import { TicketLimiter } from '../../src/conversation/ticket-limit.js';

describe('ticket limiter', () => {
  it('allows per worker and per caller up to the hourly budget, then says how long to wait, and refills', () => {
    let clock = 0;
    const limiter = new TicketLimiter({ perUserPerHour: 2, perCallerPerHour: 3 }, () => clock);
    expect(limiter.take('u1', 'app')).toBe(0);
    expect(limiter.take('u1', 'app')).toBe(0);
    expect(limiter.take('u1', 'app')).toBe(30 * 60_000); // the worker's budget: one ticket per 30 min
    expect(limiter.take('u2', 'app')).toBe(0);
    expect(limiter.take('u3', 'app')).toBe(20 * 60_000); // the caller's budget: one per 20 min
    expect(limiter.take('u3', 'other-app')).toBe(0);
    clock += 20 * 60_000;
    expect(limiter.take('u3', 'app')).toBe(0);
  });
});
