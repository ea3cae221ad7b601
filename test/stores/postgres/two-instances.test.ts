/**
 * Two bot instances (child processes, real HTTP API) on one PostgreSQL
 * database; 1,000 messages from 50 workers, each worker's messages
 * alternating between the instances; one instance is killed with SIGKILL
 * half-way and the client retries its requests on the other. Then: every
 * message processed once, no ticket lost or posted twice, no message
 * answered twice, each worker's messages handled in the order sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { usePgServer } from '../../helpers/pg-suite.js';

const server = usePgServer();

// 50 workers in flight at once are enough to interleave every step of the two instances; the throughput
// of many more is measured by `npm run loadtest -- --database-url ... --instances 2`, not here.
const WORKERS = 50;
const PER_WORKER = 20;
/** Workers whose 6th message is urgent: a ticket opens, and their later messages go to its thread. */
const URGENT_EVERY = 4;
const URGENT_AT = 5;
const textOf = (w: number, k: number) =>
  w % URGENT_EVERY === 0 && k === URGENT_AT ? `worker ${w} message ${k} urgent` : `worker ${w} message ${k}`;

interface DeskCall {
  path: string;
  ticketId: string;
  text?: string;
  instance: string;
  at: number;
}

async function startRecorder(): Promise<{ server: Server; url: string; calls: DeskCall[] }> {
  const calls: DeskCall[] = [];
  let ts = 0;
  const posted = new Map<string, string>();
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    // Lookups (GET /post?ticketId=) are not posts: they find a post by ticket id, as Slack finds one by its metadata.
    if (req.method === 'GET') {
      const ts = posted.get(new URL(req.url ?? '', 'http://x').searchParams.get('ticketId') ?? '');
      res.end(JSON.stringify(ts ? { ref: { channel: 'C-STAFF', ts } } : {}));
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const call: DeskCall = {
        path: req.url ?? '',
        at: Date.now(),
        ...(JSON.parse(body) as Omit<DeskCall, 'path' | 'at'>),
      };
      calls.push(call);
      const ref = { channel: 'C-STAFF', ts: `${(ts += 1)}.000` };
      if (call.path === '/post') posted.set(call.ticketId, ref.ts);
      res.end(JSON.stringify(ref));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

async function startInstance(
  name: string,
  databaseUrl: string,
  deskUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/bot-instance.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DESK_URL: deskUrl,
      INSTANCE_ID: name,
      OUTBOX_LEASE_SECONDS: '5',
      RATE_LIMIT_PER_MINUTE: '10000',
      RATE_LIMIT_BURST: '10000',
      HISTORY_TURNS: '4',
      PG_LOCK_POOL_SIZE: '30',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const m = /^listening (\d+)$/.exec(line);
    if (m) return { child, url: `http://127.0.0.1:${m[1]}` };
  }
  throw new Error(`instance ${name} exited before listening`);
}

describe.skipIf(server.skip)('two instances on one PostgreSQL database', () => {
  it('lose and duplicate nothing when one is killed with SIGKILL mid-way', async () => {
    const databaseUrl = await server.server().freshDatabase();
    const recorder = await startRecorder();
    const instances = await Promise.all([
      startInstance('bot-a', databaseUrl, recorder.url),
      startInstance('bot-b', databaseUrl, recorder.url),
    ]);
    const pools: pg.Pool[] = [];
    try {
      const alive = [true, true];
      let completed = 0;
      let killedAt = -1;
      let retried = 0;
      let repeats = 0;
      const t0 = Date.now();
      let killTime = 0;
      const replies = new Map<string, string[]>();

      async function send(w: number, k: number): Promise<void> {
        const body = JSON.stringify({ user_id: `w${w}`, message_id: `w${w}-m${k}`, text: textOf(w, k) });
        // A worker's messages alternate between the instances, as a load balancer without stickiness would send them.
        let target = (w + k) % 2;
        for (let attempt = 0; attempt < 5; attempt += 1) {
          if (!alive[target]) target = 1 - target;
          try {
            const res = await fetch(`${instances[target]!.url}/v1/messages`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            });
            const json = (await res.json()) as { replies: { text: string }[]; repeated?: boolean };
            if (json.repeated) repeats += 1;
            expect(res.status).toBe(200);
            replies.set(
              `w${w}-m${k}`,
              json.replies.map((r) => r.text),
            );
            completed += 1;
            if (completed === (WORKERS * PER_WORKER) / 2 && killedAt < 0) {
              killedAt = completed;
              alive[0] = false;
              killTime = Date.now();
              instances[0]!.child.kill('SIGKILL');
            }
            return;
          } catch (error) {
            if (
              alive[target] &&
              instances[target]!.child.exitCode === null &&
              instances[target]!.child.signalCode === null
            )
              throw error;
            retried += 1;
            target = 1 - target;
          }
        }
        throw new Error(`w${w}-m${k}: no instance answered`);
      }

      await Promise.all(
        Array.from({ length: WORKERS }, async (_, w) => {
          for (let k = 0; k < PER_WORKER; k += 1) await send(w, k);
        }),
      );
      expect(killedAt).toBeGreaterThan(0);

      const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      db.on('error', () => undefined);
      pools.push(db);
      const pending = async () =>
        Number(
          (await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL')).rows[0]?.n,
        );
      // The dead instance's claimed outbox items pass to the survivor once their 5 s lease expires.
      for (let waited = 0; (await pending()) > 0 && waited < 30_000; waited += 250)
        await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await pending()).toBe(0);

      // Every message processed exactly once (the primary key), none lost.
      const journal = await db.query<{ status: string; n: string }>(
        'SELECT status, count(*) AS n FROM inbound_messages GROUP BY status',
      );
      expect(journal.rows.map((r) => [r.status, Number(r.n)])).toEqual([['answered', WORKERS * PER_WORKER]]);

      // No ticket lost, none twice: one per urgent worker, each posted to the desk exactly once.
      const tickets = (
        await db.query<{ id: string; conversation_id: string; body: { transcript: { role: string; text: string }[] } }>(
          'SELECT id, conversation_id, body FROM tickets',
        )
      ).rows;
      const urgentWorkers = Array.from({ length: WORKERS }, (_, w) => w).filter((w) => w % URGENT_EVERY === 0);
      expect(tickets.map((t) => t.conversation_id).sort()).toEqual(urgentWorkers.map((w) => `w${w}`).sort());
      const posts = recorder.calls.filter((c) => c.path === '/post').map((c) => c.ticketId);
      expect(posts.sort()).toEqual(tickets.map((t) => t.id).sort());
      expect(new Set(recorder.calls.filter((c) => c.path === '/post').map((c) => c.instance))).toEqual(
        new Set(['bot-a', 'bot-b']),
      );

      for (let w = 0; w < WORKERS; w += 1) {
        const urgent = w % URGENT_EVERY === 0;
        const answered = Array.from({ length: PER_WORKER }, (_, k) => replies.get(`w${w}-m${k}`) ?? []);
        // No message answered twice: at most one reply each, and every answer is to that very message.
        answered.forEach((r, k) => {
          expect(r.length).toBeLessThanOrEqual(1);
          if (r[0]?.startsWith('answer to:')) expect(r[0]).toContain(`answer to: ${textOf(w, k)} |`);
        });
        // Order: each answer saw the worker's previous message as the last turn of the history.
        for (let k = 1; k < (urgent ? URGENT_AT + 1 : PER_WORKER); k += 1) {
          const r = answered[k]![0];
          if (r) expect(r).toContain(`| prev: ${textOf(w, k - 1)}`);
        }
        if (urgent) {
          // After the ticket opened, the messages went to its transcript and thread once each, in the order sent.
          const ticket = tickets.find((t) => t.conversation_id === `w${w}`)!;
          const later = Array.from({ length: PER_WORKER - URGENT_AT - 1 }, (_, i) => textOf(w, URGENT_AT + 1 + i));
          expect(ticket.body.transcript.filter((t) => t.role === 'worker').map((t) => t.text)).toEqual(
            Array.from({ length: URGENT_AT + 1 }, (_, k) => textOf(w, k))
              .slice(-3)
              .concat(later)
              .slice(-(later.length + 3)),
          );
          const thread = recorder.calls
            .filter((c) => c.path === '/thread' && c.ticketId === ticket.id)
            .map((c) => c.text);
          // Thread posts are at-least-once: only a post cut off by the kill may repeat, right after itself.
          expect(thread.filter((t, i) => t !== thread[i - 1])).toEqual(later);
          expect(thread.length - later.length).toBeLessThanOrEqual(1);
        }
      }
      // No reply lost: a retry of a message the killed instance had finished gets the original reply back.
      for (let w = 0; w < WORKERS; w += 1) {
        const answeredUpTo = w % URGENT_EVERY === 0 ? URGENT_AT : PER_WORKER - 1;
        for (let k = 0; k <= answeredUpTo; k += 1) expect(replies.get(`w${w}-m${k}`)).toHaveLength(1);
      }
      process.stderr.write(
        `two-instance test: ${WORKERS * PER_WORKER} messages, ` +
          `instance a killed after ${killedAt} (at ${((killTime - t0) / 1000).toFixed(1)} s), ` +
          `outbox drained at ${((Date.now() - t0) / 1000).toFixed(1)} s, ` +
          `${retried} requests retried on b (${repeats} of them already answered by a: original reply returned), ` +
          `${posts.length} tickets posted once each\n`,
      );

      instances[1]!.child.kill('SIGTERM');
      await once(instances[1]!.child, 'exit');
    } finally {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      for (const { child } of instances)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      recorder.server.close();
    }
  }, 180_000);
});
