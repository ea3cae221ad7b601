import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture } from '../helpers/bundle-fixture.js';
import { FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { streamMessage } from '../fixtures/crash-stream-messages.js';

const COUNT = 1000;
let llm: FakeOpenAiServer;
let llmUrl: string;
/** The child, bundled once: it is started eleven times. */
let childScript: string;

beforeAll(async () => {
  childScript = await bundleFixture('test/fixtures/crash-stream.ts');
  llm = new FakeOpenAiServer();
  llmUrl = await llm.start();
  // A slow model: every non-urgent answer waits on it.
  llm.respond({ kind: 'chat', content: 'ok', delayMs: 40 });
});
afterAll(async () => {
  rmSync(childScript, { force: true });
  await llm.stop();
});

/** Runs the child (async: the fake LLM lives in this process and must keep answering). */
function run(path: string, env: Record<string, string>): Promise<{ killed: boolean; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, path, llmUrl, String(COUNT)], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code ?? signal}): ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', stdout });
    });
  });
}

interface Ack {
  id: string;
  channel: string;
  status: string;
  replies: string[];
}

/** Counts what the workers got, from the clients' acknowledgements, the journal and the outbox. */
function audit(path: string) {
  const db = new Database(path, { readonly: true });
  const acks = existsSync(`${path}.acks`)
    ? readFileSync(`${path}.acks`, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Ack)
    : [];
  const journal = new Map(
    (
      db.prepare('SELECT message_id, status, replies FROM inbound_messages').all() as {
        message_id: string;
        status: string;
        replies: string | null;
      }[]
    ).map((r) => [r.message_id, r]),
  );
  const pushed = (
    db.prepare("SELECT payload FROM outbox WHERE kind = 'reply.send'").all() as { payload: string }[]
  ).map((r) => (JSON.parse(r.payload) as { messageId: string }).messageId);
  const tickets = db.prepare('SELECT conversation_id, body FROM tickets').all() as {
    conversation_id: string;
    body: string;
  }[];
  const threadTexts = (
    db.prepare("SELECT payload FROM outbox WHERE kind = 'ticket.thread'").all() as { payload: string }[]
  ).map((r) => (JSON.parse(r.payload) as { text: string }).text);
  db.close();

  let lost = 0;
  let twice = 0;
  let sendWindow = 0;
  for (let i = 0; i < COUNT; i += 1) {
    const m = streamMessage(i);
    const row = journal.get(m.messageId);
    if (row?.status !== 'answered') {
      lost += 1;
      continue;
    }
    const stored = (JSON.parse(row.replies ?? '[]') as { text: string }[]).map((r) => r.text);
    const mine = acks.filter((a) => a.id === m.messageId);
    // Every response must carry the replies stored for the message: a different one is a second answer.
    twice += mine.filter((a) => JSON.stringify(a.replies) !== JSON.stringify(stored)).length;
    const deliveries =
      m.channel === 'http'
        ? mine.length
        : mine.filter((a) => a.status === 'answered').length + pushed.filter((p) => p === m.messageId).length;
    // WeChat has no idempotent send: a kill between the commit and the adapter's send loses that
    // one delivery (the answer is in the journal; resending could send it twice). Counted apart.
    if (stored.length > 0 && deliveries === 0) {
      if (m.channel === 'wechat') sendWindow += 1;
      else lost += 1;
    }
    if (deliveries > 1) twice += 1;
  }
  const perConversation = new Map<string, number>();
  for (const t of tickets) perConversation.set(t.conversation_id, (perConversation.get(t.conversation_id) ?? 0) + 1);
  let duplicated = [...perConversation.values()].filter((n) => n > 1).length;
  // A worker message in a ticket transcript or thread twice is a duplicate too.
  const transcriptTexts = tickets.flatMap((t) =>
    (JSON.parse(t.body) as { transcript: { role: string; text: string }[] }).transcript
      .filter((e) => e.role === 'worker')
      .map((e) => e.text),
  );
  for (const texts of [transcriptTexts, threadTexts]) duplicated += texts.length - new Set(texts).size;
  const urgentMessages = Array.from({ length: COUNT }, (_, i) => streamMessage(i)).filter((m) =>
    m.text.includes('受伤'),
  );
  const conversationsWithUrgent = new Set(urgentMessages.map((m) => m.conversationId));
  const ticketless = [...conversationsWithUrgent].filter((c) => !perConversation.has(c)).length;
  return {
    lost,
    duplicated,
    twice,
    ticketless,
    sendWindow,
    tickets: tickets.length,
    answered: [...journal.values()].filter((r) => r.status === 'answered').length,
    acks: acks.length,
  };
}

describe('crash safety of the message flow (kill -9, slow LLM, 1,000 messages)', () => {
  it('loses, duplicates and answers twice nothing when killed at every step and at random times', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'crash-stream-')), 'gonghui.sqlite');
    let kills = 0;
    // Deterministic kills at each step of the flow (the Nth message to reach it)...
    for (const [step, at] of [
      ['recorded', 30],
      ['engine-answered', 60],
      ['finished', 90],
      ['acked', 120],
      ['recorded', 400],
      ['engine-answered', 300],
      ['finished', 250],
    ] as const) {
      if ((await run(path, { KILL_STEP: step, KILL_AT: String(at) })).killed) kills += 1;
    }
    // ...then at arbitrary moments, with many messages in flight.
    for (const ms of [1200, 1500, 1800]) if ((await run(path, { KILL_AFTER_MS: String(ms) })).killed) kills += 1;
    const final = await run(path, {});
    expect(final.killed).toBe(false);
    const result = audit(path);
    process.stdout.write(`crash-stream: ${JSON.stringify({ kills, ...result })}\n`);
    expect(kills).toBeGreaterThanOrEqual(7);
    expect(result.answered).toBe(COUNT);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
    expect(result.twice).toBe(0);
    expect(result.ticketless).toBe(0);
  }, 300_000);
});
