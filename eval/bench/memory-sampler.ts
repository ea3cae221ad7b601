/** Peak memory seen while a phase ran, in MB. */
export interface MemoryPeak {
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * Samples `process.memoryUsage()` every few milliseconds and keeps the peak
 * RSS and heapUsed, overall and per named phase. Sampling runs on the event
 * loop, so a long synchronous step is seen at its edges only; each phase
 * also samples at its start and end.
 */
export class MemorySampler {
  private peakRss = 0;
  private peakHeap = 0;
  private phasePeak = { rss: 0, heap: 0 };
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 20) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): MemoryPeak {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return { rssMb: mb(this.peakRss), heapUsedMb: mb(this.peakHeap) };
  }

  /** Runs `fn` and returns its result with the peak memory seen while it ran. */
  async phase<T>(fn: () => Promise<T>): Promise<{ value: T; peak: MemoryPeak }> {
    this.phasePeak = { rss: 0, heap: 0 };
    this.sample();
    const value = await fn();
    this.sample();
    return { value, peak: { rssMb: mb(this.phasePeak.rss), heapUsedMb: mb(this.phasePeak.heap) } };
  }

  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakHeap = Math.max(this.peakHeap, heapUsed);
    this.phasePeak = { rss: Math.max(this.phasePeak.rss, rss), heap: Math.max(this.phasePeak.heap, heapUsed) };
  }
}
