/**
 * Stops calling a failing endpoint for a while: after `failures` consecutive
 * failures the circuit opens for `cooldownMs`; then one trial call is let
 * through, and its result closes or re-opens the circuit.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | undefined;

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when a call may go out now. */
  allow(): boolean {
    if (this.openedAt === undefined) return true;
    return this.now() - this.openedAt >= this.cooldownMs;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === undefined) return 'closed';
    return this.allow() ? 'half-open' : 'open';
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = undefined;
  }

  recordFailure(): void {
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.failures || this.openedAt !== undefined) this.openedAt = this.now();
  }
}
