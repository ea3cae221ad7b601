/** What to do with a message under the per-user rate limit. */
export type RateDecision = 'allow' | 'notice' | 'drop';

export interface RateLimitSettings {
  /** Messages a user may send per minute, sustained. */
  readonly perMinute: number;
  /** Messages a user may send at once. */
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
  noticed: boolean;
}

/** Buckets are swept for idle users every this many decisions. */
const SWEEP_EVERY = 1000;

/**
 * Per-user token bucket. A flood gets one polite notice (the first message
 * over the limit), then silence until a token is back. In memory: a restart
 * forgives everyone, which is the safe side for workers.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private decisions = 0;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {
    if (!(settings.perMinute > 0) || !(settings.burst >= 1))
      throw new Error('rate limit: perMinute must be > 0 and burst >= 1');
  }

  take(userId: string): RateDecision {
    const t = this.now();
    if (++this.decisions % SWEEP_EVERY === 0) this.sweep(t);
    const b = this.buckets.get(userId) ?? { tokens: this.settings.burst, at: t, noticed: false };
    b.tokens = Math.min(this.settings.burst, b.tokens + (Math.max(0, t - b.at) / 60_000) * this.settings.perMinute);
    b.at = t;
    this.buckets.set(userId, b);
    if (b.tokens >= 1 - 1e-9) {
      // float sums of refills must not keep a token away
      b.tokens = Math.max(0, b.tokens - 1);
      b.noticed = false;
      return 'allow';
    }
    if (b.noticed) return 'drop';
    b.noticed = true;
    return 'notice';
  }

  /** How long until `userId` has a token again (0 when it has one now). */
  retryAfterMs(userId: string): number {
    const b = this.buckets.get(userId);
    if (!b) return 0;
    const tokens = Math.min(
      this.settings.burst,
      b.tokens + (Math.max(0, this.now() - b.at) / 60_000) * this.settings.perMinute,
    );
    return tokens >= 1 - 1e-9 ? 0 : Math.ceil(((1 - tokens) / this.settings.perMinute) * 60_000);
  }

  /** Users tracked right now (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets users whose bucket has refilled: a fresh bucket is the same thing. */
  private sweep(t: number): void {
    const refillMs = (this.settings.burst / this.settings.perMinute) * 60_000;
    for (const [user, b] of this.buckets) if (t - b.at >= refillMs) this.buckets.delete(user);
  }
}
