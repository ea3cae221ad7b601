import type { RateDecision } from './rate-limiter.js';

/**
 * Per-user rate limit decision. The in-memory {@link RateLimiter} serves one
 * instance; several instances share buckets in the database
 * (stores/postgres/pg-rate-limiter.ts) so a worker cannot multiply the limit
 * by landing on different instances.
 */
export interface RateLimit {
  take(key: string): RateDecision | Promise<RateDecision>;
  /** How long until `key` has a token again (0 when it has one now). */
  retryAfterMs(key: string): number | Promise<number>;
}
