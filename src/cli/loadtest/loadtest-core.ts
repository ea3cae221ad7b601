import {
  createConversationCore,
  type ConversationCore,
  type ConversationCoreSettings,
} from '../../conversation/conversation-core.js';
import type { TicketStore } from '../../conversation/ticket-store.js';
import { createLogger } from '../../shared/logger.js';
import type { Metrics } from '../../shared/metrics.js';
import type { LoadtestEngine } from './loadtest-engine.js';

/** What several instances share through the database; left out, the core's in-process lock and limits. */
export type LoadtestShared = Pick<ConversationCoreSettings, 'lock' | 'limiters'>;

/** The conversation core a load test drives, in-process or in an instance. */
export function createLoadtestCore(
  { engine, notices, hotline }: LoadtestEngine,
  store: TicketStore,
  metrics: Metrics,
  shared: LoadtestShared = {},
): ConversationCore {
  return createConversationCore({
    engine,
    store,
    notices,
    noticeValues: { union_hotline: hotline },
    // Each simulated worker may send many messages: lift the per-user limit so the test measures the service,
    // not the limiter (shared buckets are still read and written).
    rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
    ...(shared.lock ? { lock: shared.lock } : {}),
    ...(shared.limiters ? { limiters: shared.limiters } : {}),
    metrics,
    logger: createLogger('error', 'loadtest'),
  });
}
