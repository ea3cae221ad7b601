import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMailbox } from '../../../src/channels/http/http-mailbox.js';
import { createHttpServer } from '../../../src/channels/http/http-server.js';
import { createConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../../src/conversation/outbox-dispatcher.js';
import { Metrics } from '../../../src/shared/metrics.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';

const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'http-')), 'db.sqlite'));
const metrics = new Metrics();
const mailbox = new HttpMailbox(store);
const notices = loadNotices('knowledge');
const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices, metrics });
const app = createHttpServer({ core, metrics, mailbox, bodyLimit: 2048 });
let base = '';

beforeAll(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

const post = (body: string, type = 'application/json') =>
  fetch(`${base}/v1/messages`, { method: 'POST', body, headers: { 'content-type': type } });

describe('HTTP API', () => {
  it('answers POST /v1/messages with the replies and the structured answer', async () => {
    const res = await post(JSON.stringify({ user_id: 'w1', text: '产假多少天' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { replies: { text: string; answer: { language: string; escalate: string } }[] };
    expect(body.replies[0]?.text).toBe('answer to: 产假多少天');
    expect(body.replies[0]?.answer).toMatchObject({ language: 'zh-Hans', escalate: 'none' });
  });

  it('is idempotent on message_id and returns the original replies to a repeat', async () => {
    const body = JSON.stringify({ user_id: 'w2', text: '年假', message_id: 'same' });
    const first = (await (await post(body)).json()) as { replies: { text: string }[] };
    expect(first.replies).toHaveLength(1);
    const again = (await (await post(body)).json()) as { replies: { text: string }[]; repeated: boolean };
    expect(again).toMatchObject({ replies: first.replies, repeated: true });
  });

  it('rejects malformed JSON, wrong types, empty ids, wrong content type and large bodies with clear 4xx', async () => {
    const bad = await post('{"user_id": ');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await bad.json()) as { error: string }).error).toMatch(/JSON/i);
    const wrongType = await post(JSON.stringify({ user_id: 'w', text: 5 }));
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: string }).error).toMatch(/text/);
    expect((await post(JSON.stringify({ user_id: ' ', text: 'x' }))).status).toBe(400);
    const empty = await post(JSON.stringify({ user_id: 'w', text: ' \n ' }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toBe('text: must not be empty');
    expect((await post(JSON.stringify({ user_id: 'w' }))).status).toBe(400);
    expect((await post(JSON.stringify([{ user_id: 'w', text: 'x' }]))).status).toBe(400);
    expect((await post(JSON.stringify({ user_id: 'w', text: 'x', message_id: 7 }))).status).toBe(400);
    expect((await post('user_id=w&text=x', 'text/plain')).status).toBe(415);
    const large = await post(JSON.stringify({ user_id: 'w', text: 'x'.repeat(5000) }));
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: string }).error).toMatch(/larger than 2048 bytes/);
  });

  it('delivers staff replies to a web user through the mailbox', async () => {
    await post(JSON.stringify({ user_id: 'w3', text: '转人工' }));
    const [ticket] = (await store.listOpenTickets()).filter((t) => t.conversationId === 'w3');
    await core.claim(ticket!.id, 'U1');
    await core.staffReply(ticket!.id, 'U1', '您好，我是工会的小王');
    await createOutboxDispatcher({ store, senders: new Map([['http', mailbox]]), notices }).drainOnce();
    const inbox = (await (await fetch(`${base}/v1/users/w3/inbox`)).json()) as {
      staff_messages: { id: number; text: string }[];
    };
    expect(inbox.staff_messages.map((m) => m.text)).toEqual([
      notices('staff_joined', 'zh-Hans'),
      '【工会工作人员】您好，我是工会的小王',
    ]);
  });

  it('reports store health when it has the store', async () => {
    const withStore = createHttpServer({ core, metrics, mailbox, store });
    const ok = await withStore.inject({ method: 'GET', url: '/healthz' });
    expect(ok.json()).toMatchObject({
      status: 'ok',
      open_tickets: expect.any(Number),
      pending_outbox: expect.any(Number),
    });
    const broken = createHttpServer({
      core,
      metrics,
      mailbox,
      store: { stats: () => Promise.reject(new Error('disk gone')) },
    });
    const down = await broken.inject({ method: 'GET', url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', error: 'ticket store is not readable' });
  });

  it('serves health and Prometheus metrics', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/gonghui_messages_total\{channel="http"\} \d+/);
    expect(text).toMatch(/gonghui_escalations_total\{level="person"\} 1/);
    expect(text).toMatch(/gonghui_answer_latency_ms_count \d+/);
    expect(text).toMatch(/^gonghui_answers_total\{mode="extractive"\} [1-9]\d*$/m);
    expect(text).toMatch(/^# TYPE gonghui_answer_latency_ms histogram$/m);
    expect(text).toMatch(/^gonghui_answer_latency_ms_bucket\{le="\+Inf"\} [1-9]\d*$/m);
  });
});
