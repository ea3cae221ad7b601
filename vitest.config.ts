import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that start HTTP servers or child processes, load the real search index, or need PostgreSQL or
 * Chromium. Everything else under test/ is a unit test: `npm run test:unit` runs only those, and a guard in
 * test/setup/unit-guard.ts fails a unit test that opens a server, so a new slow test lands here.
 */
const INTEGRATION = [
  'test/answer/extra-laws-answer.test.ts',
  'test/channels/http/http-server.test.ts',
  'test/channels/http/transcript-page.test.ts',
  'test/channels/platform-common/start-platform-channels.test.ts',
  'test/channels/slack/slack-desk-actions.test.ts',
  'test/channels/slack/slack-desk.test.ts',
  'test/channels/wechat-oa/wechat-oa-adapter.test.ts',
  'test/channels/wechat/wechat-adapter.test.ts',
  'test/channels/wecom-kf/wecom-kf-adapter.test.ts',
  'test/channels/zalo/zalo-adapter.test.ts',
  'test/cli/apikey.test.ts',
  'test/cli/ask-command.test.ts',
  'test/cli/ask.test.ts',
  'test/cli/chat-command.test.ts',
  'test/config/load-config.test.ts',
  'test/console/console-e2e.test.ts',
  'test/console/live-events.test.ts',
  'test/conversation/crash-safety.test.ts',
  'test/conversation/outbox-outages.test.ts',
  'test/drafting/engine-with-llm.test.ts',
  'test/drafting/llm-drafter.test.ts',
  'test/eval/bench.test.ts',
  'test/eval/faithfulness-judge.test.ts',
  'test/privacy/personal-data.test.ts',
  'test/retrieval/extra-laws-ranking.test.ts',
  'test/retrieval/hybrid-retriever.test.ts',
  'test/retrieval/openai-embedder.test.ts',
  'test/stores/postgres-api-key-store.test.ts',
  'test/stores/postgres-console-store.test.ts',
  'test/stores/postgres-ticket-store.test.ts',
  'test/stores/postgres/**/*.test.ts',
  'test/stores/sqlite-ticket-store.test.ts',
];

export default defineConfig({
  test: {
    // A test that ends without one expect() fails: it cannot have checked anything.
    expect: { requireAssertions: true },
    // Transformed sources are kept in node_modules/.experimental-vitest-cache between runs: unchanged files
    // are not transformed again (a new install starts a new cache).
    experimental: { fsModuleCache: true },
    // vitest's default is one worker per core minus one: a single worker on 2 cores. Integration files spend
    // much of their time waiting on child processes, servers and timers, so at least three keep both busy.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // Unit files share module state across files in a worker (no mocks or globals are changed in them):
        // re-importing the sources for each of them took most of the unit run's CPU time.
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: INTEGRATION,
          isolate: false,
          setupFiles: ['test/setup/unit-guard.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          globalSetup: ['test/setup/shared-index.ts', 'test/setup/shared-pg.ts'],
          isolate: false,
        },
      },
    ],
  },
});
