/**
 * Counters and one latency histogram in Prometheus text exposition format,
 * for GET /metrics. Hand-written: four metrics do not need a client library.
 */
const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

export class Metrics {
  private readonly counters = new Map<string, number>();
  private readonly buckets = new Array<number>(BUCKETS_MS.length + 1).fill(0);
  private latencySum = 0;
  private latencyCount = 0;

  inc(name: string, labels: Readonly<Record<string, string>> = {}, by = 1): void {
    const key = `${name}${Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}` : ''}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + by);
  }

  observeLatency(ms: number): void {
    const i = BUCKETS_MS.findIndex((b) => ms <= b);
    this.buckets[i < 0 ? BUCKETS_MS.length : i]! += 1;
    this.latencySum += ms;
    this.latencyCount += 1;
  }

  get(name: string): number {
    let total = 0;
    for (const [key, value] of this.counters) if (key === name || key.startsWith(`${name}{`)) total += value;
    return total;
  }

  render(): string {
    const lines: string[] = [];
    const names = new Set([...this.counters.keys()].map((k) => k.split('{')[0]!));
    for (const name of [...names].sort()) {
      lines.push(`# TYPE ${name} counter`);
      for (const [key, value] of this.counters) if (key.split('{')[0] === name) lines.push(`${key} ${value}`);
    }
    lines.push('# TYPE gonghui_answer_latency_ms histogram');
    let cumulative = 0;
    BUCKETS_MS.forEach((b, i) => {
      cumulative += this.buckets[i]!;
      lines.push(`gonghui_answer_latency_ms_bucket{le="${b}"} ${cumulative}`);
    });
    cumulative += this.buckets[BUCKETS_MS.length]!;
    lines.push(`gonghui_answer_latency_ms_bucket{le="+Inf"} ${cumulative}`);
    lines.push(`gonghui_answer_latency_ms_sum ${this.latencySum.toFixed(3)}`);
    lines.push(`gonghui_answer_latency_ms_count ${this.latencyCount}`);
    return `${lines.join('\n')}\n`;
  }
}
