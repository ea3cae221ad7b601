/** What to do with a message under the per-user rate limit. */
export type RateDecision = 'allow' | 'notice' | 'drop';

export interface RateLimitSettings {
  /** Messages a user may send per minute, sustained. */
  readonly perMinute: number;
  /** Messages a user may send at once. */
  readonly burst: number;
}

/**
 * Per-user token bucket. A flood gets one polite notice (the first message
 * over the limit), then silence until the bucket refills.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; noticed: boolean }>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  take(userId: string): RateDecision {
    const t = this.now();
    const b = this.buckets.get(userId) ?? { tokens: this.settings.burst, at: t, noticed: false };
    b.tokens = Math.min(this.settings.burst, b.tokens + ((t - b.at) / 60_000) * this.settings.perMinute);
    b.at = t;
    this.buckets.set(userId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.noticed = false;
      return 'allow';
    }
    if (b.noticed) return 'drop';
    b.noticed = true;
    return 'notice';
  }
}
