/**
 * `npm run console`: the staff console as its own process, beside `npm run serve`.
 * It shares the SQLite file with the bot; the bot's outbox dispatcher
 * delivers the replies (this process runs none, so nothing is sent twice).
 * Run the bot with CONSOLE_EVENT_LOG=true so the dashboard has data.
 */
import { loadConfig } from '../config/load-config.js';
import { createConversationCore } from '../conversation/conversation-core.js';
import { createNoticeRenderer } from '../conversation/notices.js';
import { loadKnowledgeDir } from '../knowledge/index.js';
import { createLogger } from '../shared/logger.js';
import { parseDataKey } from '../config/data-key.js';
import { createFieldCipher } from '../privacy/field-cipher.js';
import { openStoreBackend } from '../stores/open-store-backend.js';
import { loadConsoleConfig } from './console-config.js';
import { createConsoleService } from './console-service.js';

async function main(): Promise<void> {
  const settings = loadConfig(process.env);
  const { app } = settings;
  const config = loadConsoleConfig(process.env);
  const log = createLogger(app.LOG_LEVEL, 'gonghui-console');
  // SQLite file in DATA_DIR, or PostgreSQL with DATABASE_URL (the console then runs on any host).
  const backend = await openStoreBackend(settings.database, app.DATA_DIR);
  // Transcripts are encrypted with the bot's DATA_ENCRYPTION_KEY: the console needs the same key to show them.
  const dataKey = settings.serve.DATA_ENCRYPTION_KEY;
  const tickets = backend.openStore(dataKey ? { cipher: createFieldCipher(parseDataKey(dataKey)) } : {});
  const knowledge = loadKnowledgeDir(app.KNOWLEDGE_DIR);
  const staffConsole = createConsoleService({
    config,
    knowledge,
    dataDir: app.DATA_DIR,
    logger: log,
    ...(backend.openConsoleStore ? { store: backend.openConsoleStore() } : {}),
  });
  // Only claim / reply / resolve run here; worker messages go to the bot's process.
  const core = createConversationCore({
    engine: { ask: () => Promise.reject(new Error('the console process does not answer workers')) },
    store: tickets,
    ...(backend.lock ? { lock: backend.lock } : {}),
    notices: createNoticeRenderer(knowledge.conversation.notices),
    observer: staffConsole.observer,
    isLead: staffConsole.isLead,
    logger: log,
  });
  const url = await staffConsole.listen(core, tickets);
  log.warn(`Staff console on ${url}/console`);
  const shutdown = async () => {
    await staffConsole.close();
    await tickets.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`gonghui-console: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
