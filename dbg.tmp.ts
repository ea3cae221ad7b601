import { startPgServer } from './test/helpers/pg-cluster.js';
import { openPgDatabase } from './src/stores/postgres/pg-database.js';
import { createPostgresTicketStore } from './src/stores/postgres-ticket-store.js';
import { createPgConversationLock } from './src/stores/postgres/pg-conversation-lock.js';
import { createPgRateLimiter } from './src/stores/postgres/pg-rate-limiter.js';
import { createConversationCore } from './src/conversation/conversation-core.js';
import { loadNotices } from './src/conversation/notices.js';
import { FakeAnswerEngine } from './test/helpers/fake-answer-engine.js';
const s = await startPgServer();
const url = await s.freshDatabase();
const db = await openPgDatabase({ url, lockPoolSize: 30 });
const store = createPostgresTicketStore(db);
const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices: loadNotices('knowledge'), lock: createPgConversationLock(db), limiter: createPgRateLimiter(db, { perMinute: 10000, burst: 10000 }) });
try {
  await Promise.all(Array.from({ length: 100 }, async (_, w) => { for (let k = 0; k < 10; k++) await core.handle({ channel: 'http', conversationId: `w${w}`, userId: `w${w}`, messageId: `w${w}-${k}`, kind: 'text', text: w % 4 === 0 && k === 5 ? 'urgent x' : `msg ${k}`, timestamp: 1 }); }));
  console.log(await store.stats());
} catch (e) { console.error('FAILED', e); }
await db.close(); await s.stop();
