import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createConsoleApp } from '../../../src/console/console-app.js';
import { createConsoleObserver } from '../../../src/console/console-observer.js';
import { LiveHub } from '../../../src/console/live-hub.js';
import { hashPassword } from '../../../src/console/password.js';
import { loadUiTexts } from '../../../src/console/ui-texts.js';
import { consoleLeadCheck } from '../../../src/console/ticket-rules.js';
import { createConversationCore, type ConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadFeedbackTexts } from '../../../src/conversation/feedback-texts.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../../src/conversation/outbox-dispatcher.js';
import type { InboundMessage } from '../../../src/conversation/types.js';
import type { Citation } from '../../../src/core/types.js';
import type { ConsoleStore } from '../../../src/stores/console-store.js';
import { openSqliteConsoleStore } from '../../../src/stores/sqlite-console-store.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import type { TicketStore } from '../../../src/conversation/ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';
import { RecordingSender } from '../../helpers/recording-channels.js';

export const PASSWORD = 'correct-horse-battery';

/**
 * The test users' password hash, made once with a low scrypt cost: verifyPassword reads the cost from the
 * hash, so every sign-in of every test would otherwise spend the real cost's ~50 ms of CPU
 * (test/console/password.test.ts checks the real cost).
 */
let testHash: Promise<string> | undefined;
const cheapHash = (): Promise<string> => (testHash ??= hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }));

/** A real article (劳动合同法 第三十条: wages paid in full and on time), as the fake engine cites it. */
export const WAGE_CITATION: Citation = {
  law: '劳动合同法',
  article: 30,
  title: '中华人民共和国劳动合同法',
  excerpt: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
  score: 1,
  passageId: 'cn/labor-contract-law#30',
  label: '《劳动合同法》第三十条',
};

export interface ConsoleHarness {
  readonly app: FastifyInstance;
  readonly core: ConversationCore;
  readonly tickets: TicketStore;
  readonly consoleStore: ConsoleStore;
  readonly sender: RecordingSender;
  readonly dispatcher: OutboxDispatcher;
  readonly hub: LiveHub;
  readonly dir: string;
  /** Moves the fake clock forward. */
  advance(ms: number): void;
  now(): number;
  /** A worker message on the HTTP channel. */
  say(user: string, text: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The whole console on a temporary SQLite file: ticket store and console
 * store on the same file, the real conversation core with the console's
 * observer, the real outbox dispatcher delivering to a recording sender,
 * and accounts alice (lead), bob and carol (staff).
 */
export async function createConsoleHarness(
  options: { evalReport?: string; pollMs?: number } = {},
): Promise<ConsoleHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'gonghui-console-'));
  const file = join(dir, 'gonghui.sqlite');
  const tickets = openSqliteTicketStore(file);
  const consoleStore = openSqliteConsoleStore(file);
  const hub = new LiveHub();
  let clock = Date.UTC(2026, 10, 30, 1, 0, 0);
  const now = () => clock;
  const engine = new FakeAnswerEngine((req) => {
    if (/工资|lương/.test(req.text) && !/urgent|受伤|人工/.test(req.text)) return { citations: [WAGE_CITATION] };
    if (/火星/.test(req.text))
      return { mode: 'no_source', escalate: 'none', reasons: ['no_source'], answer: 'no source' };
    return undefined;
  });
  const notices = loadNotices('knowledge');
  const core = createConversationCore({
    engine,
    store: tickets,
    notices,
    observer: createConsoleObserver(consoleStore, hub),
    feedbackTexts: loadFeedbackTexts('knowledge'),
    isLead: consoleLeadCheck(consoleStore),
    rateLimit: { perMinute: 1000, burst: 1000 },
    now,
  });
  const sender = new RecordingSender('http');
  const dispatcher = createOutboxDispatcher({ store: tickets, senders: new Map([['http', sender]]), notices, now });
  const app = createConsoleApp({
    core,
    tickets,
    store: consoleStore,
    texts: loadUiTexts('knowledge'),
    hub,
    config: {
      CONSOLE_SESSION_HOURS: 12,
      CONSOLE_SECURE_COOKIES: 'false',
      CONSOLE_UTC_OFFSET_MINUTES: 480,
      CONSOLE_EVAL_REPORT: options.evalReport ?? join(dir, 'no-report.html'),
    },
    now,
    pollMs: options.pollMs ?? 60_000,
  });
  const hash = await cheapHash();
  await consoleStore.createUser('alice', hash, 'lead', 'en', clock);
  await consoleStore.createUser('bob', hash, 'staff', 'en', clock);
  await consoleStore.createUser('carol', hash, 'staff', 'zh-Hans', clock);
  let seq = 0;
  return {
    app,
    core,
    tickets,
    consoleStore,
    sender,
    dispatcher,
    hub,
    dir,
    advance: (ms) => {
      clock += ms;
    },
    now,
    async say(user, text) {
      seq += 1;
      const msg: InboundMessage = {
        channel: 'http',
        conversationId: user,
        userId: user,
        messageId: `m${seq}`,
        kind: 'text',
        text,
        timestamp: clock,
      };
      return (await core.handle(msg)).map((r) => r.text);
    },
    async close() {
      await dispatcher.stop();
      await app.close();
      await consoleStore.close();
      await tickets.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
