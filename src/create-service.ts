import { join } from 'node:path';
import type { Bot } from './create-bot.js';
import { HttpMailbox } from './channels/http/http-mailbox.js';
import type { ServeConfig } from './config/serve-config.js';
import { createConversationCore, type ConversationCore, type ConversationCoreSettings } from './conversation/conversation-core.js';
import { loadNotices, type NoticeRenderer } from './conversation/notices.js';
import { Metrics } from './shared/metrics.js';
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

/** `hooks`: the staff console's event log (observer) and feedback wording, when it is on. */
export function createService(bot: Bot, serve: ServeConfig, dataDir = bot.config.DATA_DIR, hooks: Pick<ConversationCoreSettings, 'observer' | 'feedbackTexts'> = {}): Service {
  const store = openSqliteTicketStore(join(dataDir, 'gonghui.sqlite'));
  const metrics = new Metrics();
  const notices = loadNotices(bot.config.KNOWLEDGE_DIR);
  const core = createConversationCore({
    engine: bot.engine,
    store,
    notices,
    noticeValues: { union_hotline: bot.hotlines.CN.union ?? '', emergency: bot.hotlines.VN.emergency },
    historyTurns: serve.HISTORY_TURNS,
    rateLimit: { perMinute: serve.RATE_LIMIT_PER_MINUTE, burst: serve.RATE_LIMIT_BURST },
    metrics,
    logger: bot.logger,
    ...hooks,
  });
  return { core, store, metrics, mailbox: new HttpMailbox(store), notices };
}
