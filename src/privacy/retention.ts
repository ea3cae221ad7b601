import type { Logger } from '../shared/logger.js';

/** How long each kind of personal data is kept (see docs/personal-data.md). */
export interface RetentionPolicy {
  /** Ordinary chats (no open ticket), counted from the last message. */
  readonly conversationsDays: number;
  /** Resolved tickets and HTTP inbox messages, counted from the last change. */
  readonly closedTicketsDays: number;
  /** Finished message ids (idempotency) and delivered outbox events. */
  readonly processedDays: number;
}

/** Rows removed by a retention purge, per kind. */
export interface PurgeCounts {
  readonly conversations: number;
  readonly closedTickets: number;
  readonly processed: number;
  readonly outbox: number;
  readonly inbox: number;
}

/** What a purge removes: data last changed before each time (epoch ms). */
export interface PurgeCutoffs {
  readonly conversationsBefore: number;
  readonly closedTicketsBefore: number;
  readonly processedBefore: number;
}

/** The storage the retention job purges (the ticket stores implement it). */
export interface PurgeTarget {
  purge(cutoffs: PurgeCutoffs): Promise<PurgeCounts>;
}

export interface RetentionJob {
  runOnce(): Promise<PurgeCounts>;
  /** Purges now and then every `intervalMs` (default hourly) until stopped. */
  start(intervalMs?: number): void;
  stop(): void;
}

const DAY_MS = 86_400_000;

/** The scheduled purge of personal data past its retention period. */
export function createRetentionJob(
  store: PurgeTarget,
  policy: RetentionPolicy,
  logger?: Logger,
  now: () => number = Date.now,
): RetentionJob {
  let timer: NodeJS.Timeout | undefined;
  async function runOnce(): Promise<PurgeCounts> {
    const t = now();
    const counts = await store.purge({
      conversationsBefore: t - policy.conversationsDays * DAY_MS,
      closedTicketsBefore: t - policy.closedTicketsDays * DAY_MS,
      processedBefore: t - policy.processedDays * DAY_MS,
    });
    if (Object.values(counts).some((n) => n > 0)) logger?.info({ ...counts }, 'retention purge');
    return counts;
  }
  return {
    runOnce,
    start(intervalMs = 3_600_000) {
      if (timer) return;
      const tick = () =>
        void runOnce().catch((error: unknown) =>
          logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'retention purge failed'),
        );
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
