/** Counters of the drafting path, exposed on /metrics and in logs. */
export interface DraftMetrics {
  readonly attempts: number;
  readonly verified: number;
  readonly repaired: number;
  readonly fallbacks: Readonly<Record<string, number>>;
  readonly verificationFailures: Readonly<Record<string, number>>;
}

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
