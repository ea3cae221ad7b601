/**
 * npm run loadtest [-- --messages 10000 --concurrency 50 --users N --engine auto|real|echo --max-seconds 600]
 *                  [--database-url postgres://... --instances 2]
 *
 * Without --database-url: starts the HTTP API in-process on loopback
 * (127.0.0.1, port 0) with a fresh SQLite store in a temp directory. With
 * --database-url: starts bot instances as child processes sharing that
 * PostgreSQL database (shared lock, rate limits and outbox), and measures one
 * instance and then --instances of them, requests spread round-robin, each run
 * with its own message ids. The engine is the real answer pipeline (or, with
 * `--engine echo` or when the pipeline cannot be built, an echo engine that
 * measures only the serving path). Reports throughput, latency p50/p95/p99 and
 * errors, and checks that no message was lost: every request answered 200,
 * every message journaled as answered, and (one message per worker) every
 * one replied to. Bounded: at most 100,000 messages, a per-request timeout
 * and an overall deadline after which outstanding requests are abandoned and
 * the run fails.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { HttpMailbox } from '../channels/http/http-mailbox.js';
import { createHttpServer } from '../channels/http/http-server.js';
import { loadDatabaseConfig } from '../config/database-config.js';
import { Metrics } from '../shared/metrics.js';
import { openPgDatabase } from '../stores/postgres/pg-database.js';
import { createPostgresTicketStore } from '../stores/postgres-ticket-store.js';
import { openSqliteTicketStore } from '../stores/sqlite-ticket-store.js';
import type { TicketStore } from '../conversation/ticket-store.js';
import { createLoadtestCore } from './loadtest/loadtest-core.js';
import { buildLoadtestEngine, parseEngineChoice } from './loadtest/loadtest-engine.js';
import { startInstances } from './loadtest/run-instances.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '50' },
    users: { type: 'string', default: '0' },
    engine: { type: 'string', default: 'auto' },
    'max-seconds': { type: 'string', default: '600' },
    'database-url': { type: 'string' },
    instances: { type: 'string', default: '1' },
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
const engineChoice = parseEngineChoice(values.engine);
const instances = Math.max(1, positiveInt('instances', values.instances, 16));
// Validated like the server's DATABASE_URL (and never echoed: it may hold a password).
const databaseUrl =
  values['database-url'] === undefined
    ? undefined
    : loadDatabaseConfig({ DATABASE_URL: values['database-url'] }).DATABASE_URL;
if (instances > 1 && !databaseUrl)
  throw new Error(
    '--instances above 1 needs --database-url: ' +
      'several instances share one PostgreSQL database (SQLite serves one process)',
  );

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

interface RunResult {
  readonly label: string;
  readonly latencies: number[];
  readonly seconds: number;
  readonly sent: number;
  readonly errors: number;
  readonly unanswered: number;
  readonly journaled: number;
  readonly timedOut: boolean;
}

const questions = loadQuestions('eval/datasets');

/** Sends `total` messages round-robin to `urls`, then counts the messages the store journaled as answered. */
async function drive(label: string, urls: readonly string[], prefix: string, store: TicketStore): Promise<RunResult> {
  const limit = pLimit(concurrency);
  const deadline = AbortSignal.timeout(maxSeconds * 1000);
  const latencies: number[] = [];
  let errors = 0;
  let unanswered = 0;
  let sent = 0;
  const started = performance.now();
  const progress = setInterval(() => {
    if (process.stderr.isTTY) process.stderr.write(`  ${label}: ${latencies.length}/${total} done\r`);
  }, 2000);
  progress.unref();
  await Promise.all(
    Array.from({ length: total }, (_, i) =>
      limit(async () => {
        if (deadline.aborted) return;
        sent += 1;
        const t0 = performance.now();
        try {
          const res = await fetch(`${urls[i % urls.length]}/v1/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              user_id: `${prefix}-${i % users}`,
              message_id: `${prefix}-${i}`,
              text: questions[i % questions.length],
            }),
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
  const check = pLimit(20);
  const answered = await Promise.all(
    Array.from({ length: total }, (_, i) =>
      check(
        async () =>
          (await store.getInbound({ channel: 'http', userId: `${prefix}-${i % users}`, messageId: `${prefix}-${i}` }))
            ?.status === 'answered',
      ),
    ),
  );
  return {
    label,
    latencies,
    seconds,
    sent,
    errors,
    unanswered,
    journaled: answered.filter(Boolean).length,
    timedOut: deadline.aborted,
  };
}

function report(r: RunResult): { text: string; ok: boolean } {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const p = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1) : 'n/a';
  // With one message per worker nobody is in a hand-off, so every message must get a reply; with fewer
  // workers, messages after an escalation are forwarded to staff with at most one notice, by design.
  const everyReplied = users < total || r.unanswered === 0;
  const ok = !r.timedOut && r.sent === total && r.errors === 0 && r.journaled === total && everyReplied;
  const text = [
    `  ${r.label}: throughput ${(r.latencies.length / r.seconds).toFixed(1)} msg/s over ${r.seconds.toFixed(1)} s; ` +
      `latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms`,
    `    errors ${r.errors}, without reply ${r.unanswered}, journaled as answered ${r.journaled}/${total}` +
      (r.timedOut ? `, deadline of ${maxSeconds} s reached after ${r.sent} requests` : ''),
  ].join('\n');
  return { text, ok };
}

const runs: RunResult[] = [];
let engineLabel: string;
if (!databaseUrl) {
  const loadtestEngine = await buildLoadtestEngine(engineChoice);
  engineLabel = loadtestEngine.label;
  const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-loadtest-'));
  const store = openSqliteTicketStore(join(dataDir, 'gonghui.sqlite'));
  const metrics = new Metrics();
  const core = createLoadtestCore(loadtestEngine, store, metrics);
  const http = createHttpServer({ core, metrics, mailbox: new HttpMailbox(store), bodyLimit: 16_384 });
  await http.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  runs.push(await drive('1 process, SQLite', [url], 'load', store));
  await http.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
} else {
  engineLabel =
    engineChoice === 'echo'
      ? 'echo engine (serving path only, no retrieval)'
      : `engine ${engineChoice} (each instance builds its own; see its stderr if it fell back to echo)`;
  const db = await openPgDatabase({ url: databaseUrl, poolSize: 20 });
  const store = createPostgresTicketStore(db);
  const runId = Date.now().toString(36);
  try {
    for (const n of instances > 1 ? [1, instances] : [1]) {
      const running = await startInstances(n, databaseUrl, engineChoice);
      try {
        runs.push(
          await drive(`${n} instance${n > 1 ? 's' : ''}, PostgreSQL`, running.urls, `load-${runId}-${n}`, store),
        );
      } finally {
        await running.stop();
      }
    }
  } finally {
    await store.close();
  }
}

const reports = runs.map(report);
const ok = reports.every((r) => r.ok);
process.stdout.write(
  [
    `Load test: ${total} messages per run, concurrency ${concurrency}, ${users} workers, ` +
      `HTTP on 127.0.0.1, ${engineLabel}`,
    ...reports.map((r) => r.text),
    ok ? '  result: no errors, no message lost' : '  result: FAILED',
  ].join('\n') + '\n',
);
process.exitCode = ok ? 0 : 1;
