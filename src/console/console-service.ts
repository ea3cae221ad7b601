import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ConversationObserver, FeedbackTexts } from '../conversation/conversation-observer.js';
import { createFeedbackTexts } from '../conversation/feedback-texts.js';
import type { Knowledge } from '../knowledge/index.js';
import type { Logger } from '../shared/logger.js';
import type { ConsoleStore } from '../stores/console-store.js';
import { openSqliteConsoleStore } from '../stores/sqlite-console-store.js';
import { DEFAULT_STORE_FILE } from '../stores/sqlite-ticket-store.js';
import type { TicketStore } from '../conversation/ticket-store.js';
import { createConsoleApp, type ConsolePort } from './console-app.js';
import type { ConsoleConfig } from './console-config.js';
import { createConsoleObserver } from './console-observer.js';
import { consoleLeadCheck } from './ticket-rules.js';
import { LiveHub } from './live-hub.js';
import { createUiTexts } from './ui-texts.js';

export interface ConsoleServiceSettings {
  readonly config: ConsoleConfig;
  /** Interface and feedback wording from the loaded knowledge (loadKnowledgeDir). */
  readonly knowledge: Pick<Knowledge, 'console' | 'conversation'>;
  readonly dataDir: string;
  readonly logger?: Logger;
  /** The console's tables elsewhere (PostgreSQL); default beside the tickets in the SQLite file. */
  readonly store?: ConsoleStore;
}

/** The console's parts: hooks for the conversation core, and the web app once the core exists. */
export interface ConsoleService {
  readonly store: ConsoleStore;
  /** For the conversation core: the event log behind the dashboard. */
  readonly observer: ConversationObserver;
  readonly feedbackTexts: FeedbackTexts;
  /** For the conversation core: console lead accounts may reply to tickets others own. */
  readonly isLead: (staffId: string) => Promise<boolean>;
  /** Starts the web app on CONSOLE_HOST:CONSOLE_PORT; returns its address. */
  listen(core: ConsolePort, tickets: Pick<TicketStore, 'updateTicket'>): Promise<string>;
  close(): Promise<void>;
}

/** Opens the console store beside the tickets (same SQLite file) and loads its texts; fails fast on bad data. */
export function createConsoleService(settings: ConsoleServiceSettings): ConsoleService {
  const store = settings.store ?? openSqliteConsoleStore(join(settings.dataDir, DEFAULT_STORE_FILE));
  const hub = new LiveHub();
  const texts = createUiTexts(settings.knowledge.console);
  const feedbackTexts = createFeedbackTexts(settings.knowledge.conversation.feedback);
  let app: FastifyInstance | undefined;
  return {
    store,
    observer: createConsoleObserver(store, hub),
    feedbackTexts,
    isLead: consoleLeadCheck(store),
    async listen(core, tickets) {
      app = createConsoleApp({
        core,
        tickets,
        store,
        texts,
        hub,
        config: settings.config,
        ...(settings.logger ? { logger: settings.logger } : {}),
      });
      return app.listen({ port: settings.config.CONSOLE_PORT, host: settings.config.CONSOLE_HOST });
    },
    async close() {
      await app?.close();
      await store.close();
    },
  };
}

/** True when the core should record events for the console (CONSOLE_EVENT_LOG, else CONSOLE_ENABLED). */
export const consoleEventLogOn = (config: ConsoleConfig): boolean =>
  (config.CONSOLE_EVENT_LOG ?? config.CONSOLE_ENABLED) === 'true';
