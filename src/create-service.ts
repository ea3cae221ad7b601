import { join } from 'node:path';
import type { Bot } from './create-bot.js';
import { HttpMailbox } from './channels/http/http-mailbox.js';
import type { ServeConfig } from './config/serve-config.js';
import {
  createConversationCore,
  type ConversationCore,
  type ConversationCoreSettings,
} from './conversation/conversation-core.js';
import { createNoticeRenderer, type NoticeRenderer } from './conversation/notices.js';
import { Metrics } from './shared/metrics.js';
import type { StoreBackend } from './stores/open-store-backend.js';
import { openSqliteTicketStore } from './stores/sqlite-ticket-store.js';
import { parseDataKey } from './config/data-key.js';
import { createFieldCipher } from './privacy/field-cipher.js';
import { createEraseCommandMatcher } from './privacy/erase-command.js';
import { createDeskText } from './channels/slack/desk-texts.js';
import type { TicketStore } from './conversation/ticket-store.js';

/** The channel-independent service: store, conversation core, metrics, HTTP mailbox. */
export interface Service {
  readonly core: ConversationCore;
  readonly store: TicketStore;
  readonly metrics: Metrics;
  readonly mailbox: HttpMailbox;
  readonly notices: NoticeRenderer;
}

/**
 * `backend`: stores opened by openStoreBackend (PostgreSQL when DATABASE_URL is set); default the
 * SQLite file in `dataDir`.
 * `hooks`: the staff console's event log (observer) and feedback wording, when it is on.
 */
export function createService(
  bot: Bot,
  serve: ServeConfig,
  dataDir = bot.config.DATA_DIR,
  hooks: Pick<ConversationCoreSettings, 'observer' | 'feedbackTexts' | 'isLead'> = {},
  backend?: StoreBackend,
): Service {
  const cipher = serve.DATA_ENCRYPTION_KEY ? createFieldCipher(parseDataKey(serve.DATA_ENCRYPTION_KEY)) : undefined;
  if (!cipher)
    bot.logger.warn(
      'DATA_ENCRYPTION_KEY is not set: ticket transcripts are stored unencrypted (see docs/personal-data.md)',
    );
  const store = backend
    ? backend.openStore(cipher ? { cipher } : {})
    : openSqliteTicketStore(join(dataDir, 'gonghui.sqlite'), cipher ? { cipher } : {});
  const rateLimit = { perMinute: serve.RATE_LIMIT_PER_MINUTE, burst: serve.RATE_LIMIT_BURST };
  const metrics = new Metrics();
  metrics.trackOutbox(store);
  if (bot.draftStats) metrics.trackDrafting(bot.draftStats);
  const notices = createNoticeRenderer(bot.knowledge.conversation.notices);
  const core = createConversationCore({
    engine: bot.engine,
    store,
    notices,
    noticeValues: { union_hotline: bot.hotlines.CN.union ?? '', emergency: bot.hotlines.VN.emergency },
    historyTurns: serve.HISTORY_TURNS,
    rateLimit,
    ...(backend?.lock ? { lock: backend.lock } : {}),
    ...(backend?.rateLimiter ? { limiters: backend.rateLimiter } : {}),
    // HTTP user ids are `<integration>:<user>`: the integration is the caller.
    ticketLimit: {
      perUserPerHour: serve.TICKETS_PER_USER_PER_HOUR,
      perCallerPerHour: serve.TICKETS_PER_CALLER_PER_HOUR,
      callerOf: (m) => (m.channel === 'http' ? `http:${m.userId.split(':')[0]}` : m.channel),
    },
    metrics,
    logger: bot.logger,
    isEraseCommand: createEraseCommandMatcher(bot.knowledge.conversation.eraseCommands.phrases),
    leads: serve.STAFF_LEAD_IDS,
    summaryLabels: createDeskText(bot.knowledge.desk, serve.STAFF_LANGUAGE).summary,
    // Triage on arrival: urgent cases get the hotline and a ticket without waiting for the LLM.
    urgency: bot.triage,
    ...hooks,
  });
  return { core, store, metrics, mailbox: new HttpMailbox(store), notices };
}
