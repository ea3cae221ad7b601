import { join } from 'node:path';
import type { Bot } from './create-bot.js';
import { HttpMailbox } from './channels/http/http-mailbox.js';
import type { ServeConfig } from './config/serve-config.js';
import { createConversationCore, type ConversationCore } from './conversation/conversation-core.js';
import { loadNotices, type NoticeRenderer } from './conversation/notices.js';
import { Metrics } from './shared/metrics.js';
import type { StoreBackend } from './stores/open-store-backend.js';
import { openSqliteTicketStore } from './stores/sqlite-ticket-store.js';
import type { TicketStore } from './stores/ticket-store.js';

/** The channel-independent service: store, conversation core, metrics, HTTP mailbox. */
export interface Service {
  readonly core: ConversationCore;
  readonly store: TicketStore;
  readonly metrics: Metrics;
  readonly mailbox: HttpMailbox;
  readonly notices: NoticeRenderer;
}

/** `backend`: stores opened by openStoreBackend (PostgreSQL when DATABASE_URL is set); default the SQLite file in `dataDir`. */
export function createService(bot: Bot, serve: ServeConfig, dataDir = bot.config.DATA_DIR, backend?: StoreBackend): Service {
  const store = backend?.store ?? openSqliteTicketStore(join(dataDir, 'gonghui.sqlite'));
  const rateLimit = { perMinute: serve.RATE_LIMIT_PER_MINUTE, burst: serve.RATE_LIMIT_BURST };
  const metrics = new Metrics();
  const notices = loadNotices(bot.config.KNOWLEDGE_DIR);
  const core = createConversationCore({
    engine: bot.engine,
    store,
    notices,
    noticeValues: { union_hotline: bot.hotlines.CN.union ?? '', emergency: bot.hotlines.VN.emergency },
    historyTurns: serve.HISTORY_TURNS,
    rateLimit,
    ...(backend?.lock ? { lock: backend.lock } : {}),
    ...(backend?.rateLimiter ? { limiter: backend.rateLimiter(rateLimit) } : {}),
    metrics,
    logger: bot.logger,
  });
  return { core, store, metrics, mailbox: new HttpMailbox(store), notices };
}
