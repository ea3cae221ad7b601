/**
 * npm run loadtest [-- --messages 10000 --concurrency 50 --users N]
 *
 * Starts the HTTP API in-process on loopback with the real answer pipeline
 * and a fresh SQLite store, sends the messages at the given concurrency,
 * then reports throughput, latency p50/p95/p99, errors, and whether every
 * message was received and answered. Bounded and self-stopping.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { createBot } from '../create-bot.js';
import { createService } from '../create-service.js';
import { createHttpServer } from '../channels/http/http-server.js';
import { loadServeConfig } from '../config/serve-config.js';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '50' }, users: { type: 'string', default: '0' } } });
const total = Math.min(100_000, Number(values.messages));
const concurrency = Math.min(500, Number(values.concurrency));
// Default: every message from its own worker, so each one runs the full answer pipeline.
const users = Number(values.users) > 0 ? Number(values.users) : total;

const questions = readdirSync('eval/datasets')
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join('eval/datasets', f), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { question: string }).question);

const bot = await createBot({ env: { ...process.env, LOG_LEVEL: 'error' } });
// Each simulated user sends ~total/users messages: lift the per-user limit so the test measures the service, not the limiter.
const serve = loadServeConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_BURST: '10000' });
const service = createService(bot, serve, mkdtempSync(join(tmpdir(), 'loadtest-')));
const http = createHttpServer({ core: service.core, metrics: service.metrics, mailbox: service.mailbox, bodyLimit: 16_384 });
await http.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/v1/messages`;

const limit = pLimit(concurrency);
const latencies: number[] = [];
let errors = 0;
let unanswered = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: total }, (_, i) =>
    limit(async () => {
      const t0 = performance.now();
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user_id: `load-${i % users}`, message_id: `load-${i}`, text: questions[i % questions.length] }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json()) as { replies?: unknown[] };
        if (res.status !== 200) errors += 1;
        else if (!body.replies || body.replies.length === 0) unanswered += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }),
  ),
);
const seconds = (performance.now() - started) / 1000;
await http.close();
const sorted = latencies.sort((a, b) => a - b);
const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1);
const received = service.metrics.get('gonghui_messages_total');
await service.store.close();
process.stdout.write(
  [
    `Load test: ${total} messages, concurrency ${concurrency}, ${users} users, HTTP on loopback, real answer pipeline`,
    `  throughput ${(total / seconds).toFixed(1)} msg/s over ${seconds.toFixed(1)} s`,
    `  latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms`,
    `  errors ${errors}, unanswered ${unanswered} (escalated conversations answer follow-ups with at most one notice), received by the core ${received}/${total}`,
    errors === 0 && received === total ? '  result: no errors, no message lost' : '  result: FAILED',
  ].join('\n') + '\n',
);
process.exitCode = errors === 0 && received === total ? 0 : 1;
