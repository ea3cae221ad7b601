import type { DraftMetrics } from '../shared/metrics.js';

/** Counters of the drafting path, exposed on /metrics (Metrics.trackDrafting) and in logs. */
export class DraftCounters {
  attempts = 0;
  verified = 0;
  repaired = 0;
  readonly fallbacks: Record<string, number> = {};
  readonly verificationFailures: Record<string, number> = {};

  fallback(reason: string): void {
    this.fallbacks[reason] = (this.fallbacks[reason] ?? 0) + 1;
  }

  failure(kind: string): void {
    this.verificationFailures[kind] = (this.verificationFailures[kind] ?? 0) + 1;
  }

  snapshot(): DraftMetrics {
    return {
      attempts: this.attempts,
      verified: this.verified,
      repaired: this.repaired,
      fallbacks: { ...this.fallbacks },
      verificationFailures: { ...this.verificationFailures },
    };
  }
}
