import { RateLimiter } from './rate-limiter.js';

/** Tickets a worker, and a caller (an HTTP integration, or a whole channel), may open per hour. */
export interface TicketLimitSettings {
  readonly perUserPerHour: number;
  readonly perCallerPerHour: number;
}

/**
 * Hourly token buckets for opening tickets, per worker and per caller, so a
 * flood of made-up hand-off requests cannot fill the staff desk. In memory:
 * a restart forgives everyone, the safe side for workers.
 */
export class TicketLimiter {
  private readonly users: RateLimiter;
  private readonly callers: RateLimiter;

  constructor(settings: TicketLimitSettings, now: () => number) {
    this.users = new RateLimiter({ perMinute: settings.perUserPerHour / 60, burst: settings.perUserPerHour }, now);
    this.callers = new RateLimiter({ perMinute: settings.perCallerPerHour / 60, burst: settings.perCallerPerHour }, now);
  }

  /** Milliseconds until this worker and caller may open a ticket; 0 means now, and the ticket is counted. */
  take(userKey: string, callerKey: string): number {
    const wait = Math.max(this.users.retryAfterMs(userKey), this.callers.retryAfterMs(callerKey));
    if (wait > 0) return wait;
    this.users.take(userKey);
    this.callers.take(callerKey);
    return 0;
  }
}
