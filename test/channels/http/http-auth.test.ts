import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiKeyStore } from '../../../src/channels/http/api-key-store.js';
import { HttpMailbox } from '../../../src/channels/http/http-mailbox.js';
import { createHttpServer } from '../../../src/channels/http/http-server.js';
import { mintUserToken } from '../../../src/channels/http/user-token.js';
import { createConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../../src/conversation/outbox-dispatcher.js';
import { Metrics } from '../../../src/shared/metrics.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';

const SECRET = 'x'.repeat(40);
const notices = loadNotices('knowledge');

function setup(over: { perCallerPerHour?: number; perUserPerHour?: number; metricsToken?: string } = {}) {
  const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'auth-')), 'db.sqlite'));
  const keys = openApiKeyStore(':memory:');
  const metrics = new Metrics();
  const mailbox = new HttpMailbox(store);
  const core = createConversationCore({
    engine: new FakeAnswerEngine(),
    store,
    notices,
    metrics,
    rateLimit: { perMinute: 60, burst: 5 },
    ticketLimit: {
      perUserPerHour: over.perUserPerHour ?? 10,
      perCallerPerHour: over.perCallerPerHour ?? 100,
      callerOf: (m) => `http:${m.userId.split(':')[0]}`,
    },
  });
  const app = createHttpServer({
    core,
    metrics,
    mailbox,
    auth: { keys, userTokenSecret: SECRET, userTokenTtlSeconds: 600 },
    ...(over.metricsToken ? { metricsToken: over.metricsToken } : {}),
  });
  const a = keys.create('widget-a').key;
  const b = keys.create('app-b').key;
  const send = (key: string | undefined, body: object, url = '/v1/messages') =>
    app.inject({ method: 'POST', url, payload: body, headers: key ? { authorization: `Bearer ${key}` } : {} });
  const get = (key: string | undefined, url: string) =>
    app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { store, keys, core, app, a, b, send, get, mailbox };
}

describe('HTTP API authentication', () => {
  it('rejects missing, malformed, unknown and revoked credentials with 401', async () => {
    const { keys, a, send } = setup();
    expect((await send(undefined, { user_id: 'w1', text: '年假' })).statusCode).toBe(401);
    expect((await send('nonsense', { user_id: 'w1', text: '年假' })).statusCode).toBe(401);
    expect((await send(`${a.slice(0, -2)}xx`, { user_id: 'w1', text: '年假' })).statusCode).toBe(401);
    expect((await send(a, { user_id: 'w1', text: '年假' })).statusCode).toBe(200);
    expect(keys.revoke('widget-a')).toBe(1);
    const revoked = await send(a, { user_id: 'w1', text: '年假' });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ error: expect.stringMatching(/Authorization: Bearer/) });
  });

  it('keeps each integration to its own workers: the same user id elsewhere is another conversation', async () => {
    const { core, store, a, b, send, get } = setup();
    await send(a, { user_id: 'w1', text: '转人工' });
    const [ticket] = await store.listOpenTickets();
    expect(ticket?.conversationId).toBe('widget-a:w1');
    await core.claim(ticket!.id, 'U1');
    await core.staffReply(ticket!.id, 'U1', '您好');
    await createOutboxDispatcher({ store, senders: new Map([['http', new HttpMailbox(store)]]), notices }).drainOnce();
    expect((await get(b, '/v1/users/w1/inbox')).json()).toEqual({ staff_messages: [] });
    // "staff joined" and the reply.
    expect((await get(a, '/v1/users/w1/inbox')).json().staff_messages).toHaveLength(2);
  });

  it('reads the inbox without deleting it; an acknowledgement removes what was shown', async () => {
    const { core, store, a, send, get } = setup();
    await send(a, { user_id: 'w1', text: '转人工' });
    const [ticket] = await store.listOpenTickets();
    await core.claim(ticket!.id, 'U1');
    await core.staffReply(ticket!.id, 'U1', '第一条');
    await core.staffReply(ticket!.id, 'U1', '第二条');
    await createOutboxDispatcher({ store, senders: new Map([['http', new HttpMailbox(store)]]), notices }).drainOnce();
    const first = (await get(a, '/v1/users/w1/inbox')).json() as { staff_messages: { id: number; text: string }[] };
    // "staff joined", then the two replies.
    expect(first.staff_messages).toHaveLength(3);
    expect((await get(a, '/v1/users/w1/inbox')).json().staff_messages).toHaveLength(3);
    const ack = await send(a, { up_to: first.staff_messages[1]!.id }, '/v1/users/w1/inbox/ack');
    expect(ack.json()).toEqual({ acknowledged: 2 });
    expect((await get(a, '/v1/users/w1/inbox')).json().staff_messages.map((m: { text: string }) => m.text)).toEqual([
      '【工会工作人员】第二条',
    ]);
    expect((await send(a, { up_to: 'all' }, '/v1/users/w1/inbox/ack')).statusCode).toBe(400);
  });

  it('lets a browser act only as the worker of its short-lived user token', async () => {
    const { a, send, get } = setup();
    const minted = await send(a, { user_id: 'w7' }, '/v1/user-tokens');
    expect(minted.statusCode).toBe(200);
    const { token } = minted.json() as { token: string };
    const own = await send(token, { text: '年假几天' });
    expect(own.statusCode).toBe(200);
    expect((await get(token, '/v1/users/w7/inbox')).statusCode).toBe(200);
    expect((await get(token, '/v1/users/w8/inbox')).statusCode).toBe(403);
    expect((await send(token, { user_id: 'w8', text: '年假' })).statusCode).toBe(403);
    expect((await send(token, { user_id: 'w9' }, '/v1/user-tokens')).statusCode).toBe(403);
    const expired = mintUserToken(SECRET, {
      integration: 'widget-a',
      userId: 'w7',
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    expect((await send(expired, { text: '年假' })).statusCode).toBe(401);
    const forged = mintUserToken('y'.repeat(40), {
      integration: 'widget-a',
      userId: 'w7',
      expiresAt: Math.floor(Date.now() / 1000) + 60,
    });
    expect((await send(forged, { text: '年假' })).statusCode).toBe(401);
  });

  it('limits tickets per integration (429, Retry-After, a message) without blocking other integrations', async () => {
    const { store, a, b, send } = setup({ perCallerPerHour: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await send(a, { user_id: `made-up-${i}`, text: '转人工' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    const limited = await send(a, { user_id: 'made-up-9', text: '转人工' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({
      error: expect.stringMatching(/too many/),
      replies: [{ text: expect.stringMatching(/转人工请求太多/) }],
    });
    expect((await send(b, { user_id: 'w1', text: '转人工' })).statusCode).toBe(200);
    expect((await store.listOpenTickets()).length).toBe(4);
  });

  it('limits tickets per worker and answers a message flood with 429', async () => {
    const { a, send } = setup({ perUserPerHour: 1 });
    expect((await send(a, { user_id: 'w1', text: '转人工' })).statusCode).toBe(200);
    // The conversation is queued now: later messages go to staff, not into new tickets.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push((await send(a, { user_id: 'w2', text: i === 0 ? '转人工' : `问题${i}` })).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses[0]).toBe(200);
  });

  it('serves /metrics to the bearer of its token only, when one is set', async () => {
    const { app } = setup({ metricsToken: 'm'.repeat(20) });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${'m'.repeat(20)}` } }))
        .statusCode,
    ).toBe(200);
    const open = setup().app;
    expect((await open.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.8' })).statusCode).toBe(403);
    expect((await open.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    // Through a reverse proxy on the same machine: not local.
    expect(
      (
        await open.inject({
          method: 'GET',
          url: '/metrics',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': '203.0.113.9' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const keys = openApiKeyStore(':memory:');
    const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'cors-')), 'db.sqlite'));
    const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices });
    const app = createHttpServer({
      core,
      metrics: new Metrics({ processMetrics: false }),
      mailbox: new HttpMailbox(store),
      auth: { keys },
      corsOrigins: ['https://union.example'],
    });
    const ok = await app.inject({
      method: 'OPTIONS',
      url: '/v1/messages',
      headers: { origin: 'https://union.example', 'access-control-request-method': 'POST' },
    });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://union.example');
    expect(ok.headers['access-control-allow-headers']).toContain('authorization');
    const other = await app.inject({
      method: 'POST',
      url: '/v1/messages',
      payload: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
