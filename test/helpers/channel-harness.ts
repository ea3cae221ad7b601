import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { PlatformChannel } from '../../src/channels/platform-common/channel-adapter.js';
import { createChannelsServer } from '../../src/channels/platform-common/channels-server.js';
import { createConversationCore, type ConversationCore } from '../../src/conversation/conversation-core.js';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { ChannelName, WorkerSender } from '../../src/conversation/types.js';
import {
  openChannelStateStore,
  type ChannelStateStore,
} from '../../src/channels/platform-common/channel-state-store.js';
import { loadChannelTexts, type ChannelTexts } from '../../src/channels/platform-common/channel-texts.js';
import { createStaffNotes, type StaffNotes } from '../../src/channels/platform-common/staff-notes.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import type { TicketStore } from '../../src/conversation/ticket-store.js';
import { FakeAnswerEngine, type FakeScript } from './fake-answer-engine.js';
import { RecordingDesk } from './recording-channels.js';

/** Log lines kept in memory, to check what is (and is not) logged. */
export function memoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

/**
 * The real conversation core, ticket store and outbox behind a platform
 * adapter, with a scripted answer engine, a recording staff desk and a
 * settable clock: what `npm run serve` wires, minus retrieval.
 */
export interface ChannelHarness {
  readonly store: TicketStore;
  readonly engine: FakeAnswerEngine;
  readonly core: ConversationCore;
  readonly state: ChannelStateStore;
  readonly texts: ChannelTexts;
  readonly notes: StaffNotes;
  readonly desk: RecordingDesk;
  readonly log: { logger: Logger; lines: string[] };
  readonly clock: { now: number };
  dispatcher(senders: ReadonlyMap<ChannelName, WorkerSender>): OutboxDispatcher;
  close(): Promise<void>;
}

export function createChannelHarness(script?: FakeScript): ChannelHarness {
  const dir = mkdtempSync(join(tmpdir(), 'channel-'));
  const clock = { now: Date.UTC(2026, 10, 30, 3, 0, 0) };
  const now = () => clock.now;
  const store = openSqliteTicketStore(join(dir, 'gonghui.sqlite'));
  const engine = new FakeAnswerEngine(script);
  const notices = loadNotices('knowledge');
  const log = memoryLogger();
  const core = createConversationCore({
    engine,
    store,
    notices,
    now,
    rateLimit: { perMinute: 600, burst: 100 },
    logger: log.logger,
  });
  const state = openChannelStateStore(join(dir, 'channels.sqlite'));
  const texts = loadChannelTexts('knowledge');
  const notes = createStaffNotes(store, texts, now);
  const desk = new RecordingDesk();
  return {
    store,
    engine,
    core,
    state,
    texts,
    notes,
    desk,
    log,
    clock,
    dispatcher: (senders) =>
      createOutboxDispatcher({ store, desk, senders, notices, retryBaseMs: 0, now, logger: log.logger }),
    async close() {
      state.close();
      await store.close();
    },
  };
}

/** The adapter settings every platform adapter test takes from the harness (retries due almost at once). */
export function harnessAdapterSettings(h: ChannelHarness) {
  return {
    port: h.core,
    state: h.state,
    texts: h.texts,
    notes: h.notes,
    logger: h.log.logger,
    now: () => h.clock.now,
    retryBaseMs: 1,
  };
}

/** Serves one adapter on a free local port; `origin` is `http://127.0.0.1:<port>`. */
export async function listenChannel(adapter: PlatformChannel): Promise<{ server: FastifyInstance; origin: string }> {
  const server = createChannelsServer([adapter]);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  return { server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}
