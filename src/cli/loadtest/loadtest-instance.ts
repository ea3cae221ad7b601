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
import { Metrics } from '../../shared/metrics.js';
import { openStoreBackend } from '../../stores/open-store-backend.js';
import { createLoadtestCore } from './loadtest-core.js';
import { buildLoadtestEngine, parseEngineChoice } from './loadtest-engine.js';

const database = loadDatabaseConfig(process.env);
if (!database.DATABASE_URL) throw new Error('loadtest instance: DATABASE_URL is required');
const loadtestEngine = await buildLoadtestEngine(parseEngineChoice(process.env.LOADTEST_ENGINE ?? 'auto'));
const backend = await openStoreBackend(database, 'data');
const store = backend.openStore({});
const metrics = new Metrics();
const core = createLoadtestCore(loadtestEngine, store, metrics, {
  ...(backend.lock ? { lock: backend.lock } : {}),
  ...(backend.rateLimiter ? { limiters: backend.rateLimiter } : {}),
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
