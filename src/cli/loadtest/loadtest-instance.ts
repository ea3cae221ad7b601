/**
 * One bot instance for `npm run loadtest -- --instances N --database-url URL`:
 * the HTTP API and conversation core on a PostgreSQL store (DATABASE_URL),
 * with the shared lock and rate limits, on a loopback port; prints
 * "listening <port>" once ready. LOADTEST_ENGINE: auto | real | echo.
 */
import type { AddressInfo } from 'node:net';
import { HttpMailbox } from '../../channels/http/http-mailbox.js';
import { createHttpServer } from '../../channels/http/http-server.js';
import { loadDatabaseConfig } from '../../config/database-config.js';
import { createConversationCore } from '../../conversation/conversation-core.js';
import { loadNotices } from '../../conversation/notices.js';
import { createLogger } from '../../shared/logger.js';
import { Metrics } from '../../shared/metrics.js';
import { openStoreBackend } from '../../stores/open-store-backend.js';
import { buildLoadtestEngine, parseEngineChoice } from './loadtest-engine.js';

const database = loadDatabaseConfig(process.env);
if (!database.DATABASE_URL) throw new Error('loadtest instance: DATABASE_URL is required');
const { engine, knowledgeDir, hotline } = await buildLoadtestEngine(
  parseEngineChoice(process.env.LOADTEST_ENGINE ?? 'auto'),
);
const backend = await openStoreBackend(database, 'data');
const store = backend.openStore({});
const metrics = new Metrics();
const core = createConversationCore({
  engine,
  store,
  notices: loadNotices(knowledgeDir),
  noticeValues: { union_hotline: hotline },
  // Lifted so the test measures the service, not the limiter (the shared buckets are still read and written).
  rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
  ...(backend.lock ? { lock: backend.lock } : {}),
  ...(backend.rateLimiter ? { limiters: backend.rateLimiter } : {}),
  metrics,
  logger: createLogger('error', 'loadtest'),
});
const http = createHttpServer({ core, metrics, mailbox: new HttpMailbox(store), bodyLimit: 16_384, store });
await http.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${(http.server.address() as AddressInfo).port}\n`);
process.once('SIGTERM', () => {
  void http
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
