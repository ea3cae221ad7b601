import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the outbox gauges read at each scrape (the ticket store implements it). */
export interface OutboxStatsSource {
  outboxStats(now: number): Promise<{
    readonly destinations: readonly { destination: string; depth: number; oldestAgeMs: number; deadLetters: number }[];
    readonly oldestUnclaimedUrgentAgeMs: number;
  }>;
}

/** Counters of the LLM drafting path (src/drafting/draft-metrics.ts keeps them), exposed on /metrics. */
export interface DraftMetrics {
  readonly attempts: number;
  readonly verified: number;
  readonly repaired: number;
  readonly fallbacks: Readonly<Record<string, number>>;
  readonly verificationFailures: Readonly<Record<string, number>>;
}

/** Reads the drafter's counters at each scrape. */
export type DraftStatsSource = () => DraftMetrics;

/** Latency buckets of the answer histogram, in milliseconds. */
const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

/**
 * Prometheus metrics through prom-client, one registry per service (tests
 * make their own): process metrics (CPU, memory, event-loop lag, handles),
 * counters created on first use, the answer latency histogram, and gauges of
 * the outbox and urgent tickets read from the store at each scrape.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly counters = new Map<string, Counter>();
  /** Sums over labels, for {@link Metrics.get} without an async registry read. */
  private readonly totals = new Map<string, number>();
  private readonly latency: Histogram;

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.latency = new Histogram({
      name: 'gonghui_answer_latency_ms',
      help: 'Time to answer one message, in milliseconds.',
      buckets: BUCKETS_MS,
      registers: [this.registry],
    });
  }

  /** Adds `by` to a counter; a counter's label names are fixed by its first use. */
  inc(name: string, labels: Readonly<Record<string, string>> = {}, by = 1): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new Counter({
        name,
        help: name
          .replace(/^gonghui_/, '')
          .replace(/_total$/, '')
          .replace(/_/g, ' '),
        labelNames: Object.keys(labels),
        registers: [this.registry],
      });
      this.counters.set(name, counter);
    }
    counter.inc(labels, by);
    this.totals.set(name, (this.totals.get(name) ?? 0) + by);
  }

  observeLatency(ms: number): void {
    this.latency.observe(ms);
  }

  /** Sum of a counter over all its labels (tests, load test). */
  get(name: string): number {
    return this.totals.get(name) ?? 0;
  }

  /** Outbox depth and age per destination, dead letters, and the oldest open urgent ticket, read at each scrape. */
  trackOutbox(source: OutboxStatsSource, now: () => number = Date.now): void {
    let pending: ReturnType<OutboxStatsSource['outboxStats']> | undefined;
    // One store read per scrape, shared by the four gauges.
    const read = () => (pending ??= source.outboxStats(now()).finally(() => setImmediate(() => (pending = undefined))));
    const gauge = (
      name: string,
      help: string,
      labelNames: string[],
      fill: (g: Gauge, s: Awaited<ReturnType<typeof read>>) => void,
    ) => this.scrapedGauge(name, help, labelNames, read, fill);
    gauge('gonghui_outbox_depth', 'Undelivered outbox events per destination.', ['destination'], (g, s) =>
      s.destinations.forEach((d) => g.set({ destination: d.destination }, d.depth)),
    );
    gauge(
      'gonghui_outbox_oldest_age_seconds',
      'Age of the oldest undelivered outbox event per destination.',
      ['destination'],
      (g, s) => s.destinations.forEach((d) => g.set({ destination: d.destination }, d.oldestAgeMs / 1000)),
    );
    gauge(
      'gonghui_outbox_dead_letters',
      'Outbox events given up after repeated failures, per destination.',
      ['destination'],
      (g, s) => s.destinations.forEach((d) => g.set({ destination: d.destination }, d.deadLetters)),
    );
    gauge(
      'gonghui_oldest_unclaimed_urgent_ticket_age_seconds',
      'Age of the oldest urgent ticket nobody has claimed (0 when none).',
      [],
      (g, s) => g.set(s.oldestUnclaimedUrgentAgeMs / 1000),
    );
  }

  /** Drafting attempts, verified and repaired drafts, fallbacks and verification failures by reason. */
  trackDrafting(source: DraftStatsSource): void {
    const gauge = (name: string, help: string, labelNames: string[], fill: (g: Gauge, s: DraftMetrics) => void) =>
      this.scrapedGauge(name, help, labelNames, async () => source(), fill);
    gauge('gonghui_draft_attempts', 'LLM drafts attempted since start.', [], (g, s) => g.set(s.attempts));
    gauge('gonghui_draft_verified', 'LLM drafts that passed citation verification.', [], (g, s) => g.set(s.verified));
    gauge('gonghui_draft_repaired', 'LLM drafts accepted after one repair round.', [], (g, s) => g.set(s.repaired));
    gauge('gonghui_draft_fallbacks', 'Drafts replaced by the extractive answer, by reason.', ['reason'], (g, s) =>
      Object.entries(s.fallbacks).forEach(([reason, n]) => g.set({ reason }, n)),
    );
    gauge('gonghui_draft_verification_failures', 'Draft verification failures, by kind.', ['kind'], (g, s) =>
      Object.entries(s.verificationFailures).forEach(([kind, n]) => g.set({ kind }, n)),
    );
  }

  /** A gauge filled at each scrape from what `read` returns (labels reset first, so gone labels disappear). */
  private scrapedGauge<T>(
    name: string,
    help: string,
    labelNames: string[],
    read: () => Promise<T>,
    fill: (g: Gauge, value: T) => void,
  ): Gauge {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        fill(this, await read());
      },
    });
  }

  /** The exposition text for GET /metrics. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
