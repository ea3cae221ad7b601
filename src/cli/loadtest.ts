/**
 * npm run loadtest [-- --messages 10000 --concurrency 50 --users N --engine auto|real|echo --max-seconds 600]
 *
 * Starts the HTTP API in-process on loopback (127.0.0.1, port 0) with a
 * fresh SQLite store in a temp directory and the real answer pipeline (or,
 * with `--engine echo` or when the pipeline cannot be built, an echo engine
 * that measures only the serving path), sends the messages at the given
 * concurrency, then reports throughput, latency p50/p95/p99 and errors, and
 * checks that no message was lost: every request answered 200, every message
 * id stored as processed, and (one message per worker) every one replied to.
 * Bounded: at most 100,000 messages, a per-request timeout and an overall
 * deadline after which outstanding requests are abandoned and the run fails.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { HttpMailbox } from '../channels/http/http-mailbox.js';
import { createHttpServer } from '../channels/http/http-server.js';
import type { AnswerEngine } from '../core/types.js';
import { createConversationCore } from '../conversation/conversation-core.js';
import { EchoAnswerEngine } from '../conversation/echo-answer-engine.js';
import { loadNotices } from '../conversation/notices.js';
import { createLogger } from '../shared/logger.js';
import { Metrics } from '../shared/metrics.js';
import { openSqliteTicketStore } from '../stores/sqlite-ticket-store.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '50' },
    users: { type: 'string', default: '0' },
    engine: { type: 'string', default: 'auto' },
    'max-seconds': { type: 'string', default: '600' },
  },
});

function positiveInt(name: string, raw: string | undefined, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
  return Math.min(max, n);
}

const total = Math.max(1, positiveInt('messages', values.messages, 100_000));
const concurrency = Math.max(1, positiveInt('concurrency', values.concurrency, 500));
// Default: every message from its own worker, so each one runs the full answer pipeline.
const usersFlag = positiveInt('users', values.users, 100_000);
const users = usersFlag > 0 ? usersFlag : total;
const maxSeconds = Math.max(1, positiveInt('max-seconds', values['max-seconds'], 3600));
const engineChoice = values.engine;
if (engineChoice !== 'auto' && engineChoice !== 'real' && engineChoice !== 'echo') throw new Error(`--engine must be auto, real or echo, got ${engineChoice}`);

/** Questions from the eval datasets, so the pipeline sees realistic mixed-language text. */
function loadQuestions(dir: string): string[] {
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      try {
        const q = (JSON.parse(line) as { question?: unknown }).question;
        if (typeof q === 'string' && q.trim()) out.push(q);
      } catch {
        // blank or malformed line: not a question
      }
    }
  }
  if (out.length === 0) throw new Error(`no questions found in ${dir}/*.jsonl`);
  return out;
}

async function buildEngine(): Promise<{ engine: AnswerEngine; label: string; knowledgeDir: string; hotline: string }> {
  if (engineChoice !== 'echo') {
    try {
      const { createBot } = await import('../create-bot.js');
      const bot = await createBot({ env: { ...process.env, LOG_LEVEL: 'error' } });
      return { engine: bot.engine, label: 'real answer pipeline', knowledgeDir: bot.config.KNOWLEDGE_DIR, hotline: bot.hotlines.CN.union ?? '' };
    } catch (error) {
      if (engineChoice === 'real') throw error;
      process.stderr.write(`loadtest: the real answer pipeline could not be built (${error instanceof Error ? error.message : String(error)}); measuring the serving path with the echo engine instead.\n`);
    }
  }
  return { engine: new EchoAnswerEngine(), label: 'echo engine (serving path only, no retrieval)', knowledgeDir: 'knowledge', hotline: '' };
}

const questions = loadQuestions('eval/datasets');
const { engine, label, knowledgeDir, hotline } = await buildEngine();
const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-loadtest-'));
const store = openSqliteTicketStore(join(dataDir, 'gonghui.sqlite'));
const metrics = new Metrics();
const core = createConversationCore({
  engine,
  store,
  notices: loadNotices(knowledgeDir),
  noticeValues: { union_hotline: hotline },
  // Each simulated worker may send many messages: lift the per-user limit so the test measures the service, not the limiter.
  rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
  metrics,
  logger: createLogger('error', 'loadtest'),
});
const http = createHttpServer({ core, metrics, mailbox: new HttpMailbox(store), bodyLimit: 16_384 });
await http.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/v1/messages`;

const limit = pLimit(concurrency);
const deadline = AbortSignal.timeout(maxSeconds * 1000);
const latencies: number[] = [];
let errors = 0;
let unanswered = 0;
let sent = 0;
const started = performance.now();
const progress = setInterval(() => {
  if (process.stderr.isTTY) process.stderr.write(`  ${latencies.length}/${total} done\r`);
}, 2000);
progress.unref();
await Promise.all(
  Array.from({ length: total }, (_, i) =>
    limit(async () => {
      if (deadline.aborted) return;
      sent += 1;
      const t0 = performance.now();
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user_id: `load-${i % users}`, message_id: `load-${i}`, text: questions[i % questions.length] }),
          signal: AbortSignal.any([deadline, AbortSignal.timeout(30_000)]),
        });
        const body = (await res.json()) as { replies?: unknown[] };
        if (res.status !== 200) errors += 1;
        else if (!Array.isArray(body.replies) || body.replies.length === 0) unanswered += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }),
  ),
);
clearInterval(progress);
const seconds = (performance.now() - started) / 1000;
await http.close();
const stats = await store.stats();
await store.close();
rmSync(dataDir, { recursive: true, force: true });

const sorted = latencies.sort((a, b) => a - b);
const p = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1) : 'n/a');
// With one message per worker nobody is in a hand-off, so every message must get a reply; with fewer
// workers, messages after an escalation are forwarded to staff with at most one notice, by design.
const everyReplied = users < total || unanswered === 0;
const ok = !deadline.aborted && sent === total && errors === 0 && stats.processedMessages === total && everyReplied;
process.stdout.write(
  [
    `Load test: ${total} messages, concurrency ${concurrency}, ${users} workers, HTTP on 127.0.0.1, ${label}`,
    `  throughput ${(latencies.length / seconds).toFixed(1)} msg/s over ${seconds.toFixed(1)} s`,
    `  latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms`,
    `  errors ${errors}, without reply ${unanswered}, stored as processed ${stats.processedMessages}/${total}, tickets opened ${stats.openTickets}`,
    deadline.aborted ? `  deadline of ${maxSeconds} s reached after ${sent} requests` : '',
    ok ? '  result: no errors, no message lost' : '  result: FAILED',
  ]
    .filter(Boolean)
    .join('\n') + '\n',
);
process.exitCode = ok ? 0 : 1;
