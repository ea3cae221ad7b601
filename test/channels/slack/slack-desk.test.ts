import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDesk } from '../../../src/channels/slack/slack-desk.js';
import { createConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../../src/conversation/outbox-dispatcher.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';
import { FakeSlackApi } from '../../helpers/fake-slack-api.js';
import { RecordingSender } from '../../helpers/recording-channels.js';

const SECRET = 'test-signing-secret';
const api = new FakeSlackApi();
const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'slack-')), 'db.sqlite'));
const notices = loadNotices('knowledge');
const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices });
const wechat = new RecordingSender('wechat');
let apiBase = '';
let eventsUrl = '';
let slack: ReturnType<typeof createSlackDesk>;
let dispatcher: ReturnType<typeof createOutboxDispatcher>;

function sign(body: string, ts = Math.floor(Date.now() / 1000)) {
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}` };
}
async function sendPayload(payload: object, headers?: Record<string, string>) {
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return fetch(eventsUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(headers ?? sign(body)) } });
}
const action = (actionId: string, ticketId: string, user: string) => ({
  type: 'block_actions',
  user: { id: user, name: user },
  team: { id: 'T1' },
  channel: { id: 'C123', name: 'union-desk' },
  container: { type: 'message', message_ts: '1.0', channel_id: 'C123' },
  trigger_id: `trigger-${actionId}`,
  api_app_id: 'A1',
  token: 'x',
  response_url: `${apiBase}/respond`,
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: ticketId, action_ts: '1.1' }],
});

beforeAll(async () => {
  apiBase = await api.start();
  slack = createSlackDesk({ botToken: 'xoxb-test', signingSecret: SECRET, channel: 'C123', port: core, slackApiUrl: `${apiBase}/api/` });
  const server = await slack.start(0);
  eventsUrl = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/slack/events`;
  dispatcher = createOutboxDispatcher({ store, desk: slack.desk, senders: new Map([['wechat', wechat]]), notices });
});
afterAll(async () => {
  await slack.stop();
  await api.stop();
});

describe('Slack staff desk (real Bolt app, signed requests, fake Web API)', () => {
  let ticketId = '';

  it('posts a new ticket with Block Kit and Claim / Reply / Resolve buttons, ID numbers masked', async () => {
    await core.handle({ channel: 'wechat', conversationId: 'contact:w1', userId: 'w1', messageId: 'm1', kind: 'text', text: '我受伤了，身份证110101199003078515', timestamp: Date.now() });
    await dispatcher.drainOnce();
    const post = api.named('chat.postMessage')[0]!;
    expect(post.body.channel).toBe('C123');
    const blocksText = JSON.stringify(post.body.blocks);
    expect(blocksText).toContain('URGENT');
    expect(blocksText).toContain('ticket_claim');
    expect(blocksText).toContain('ticket_reply');
    expect(blocksText).toContain('ticket_resolve');
    expect(blocksText).not.toContain('110101199003078515');
    ticketId = (await store.listOpenTickets())[0]!.id;
    expect((await store.getTicket(ticketId))?.slack?.ts).toBeDefined();
  });

  it('claims once: the message is updated, a second click gets an ephemeral notice', async () => {
    expect((await sendPayload(action('ticket_claim', ticketId, 'U_ANNA'))).status).toBe(200);
    expect((await sendPayload(action('ticket_claim', ticketId, 'U_ANNA'))).status).toBe(200);
    expect((await sendPayload(action('ticket_claim', ticketId, 'U_BEN'))).status).toBe(200);
    expect((await store.getTicket(ticketId))?.owner).toBe('U_ANNA');
    expect(api.named('chat.postEphemeral').map((c) => c.body.user)).toEqual(['U_BEN']);
    await dispatcher.drainOnce();
    expect(JSON.stringify(api.named('chat.update').at(-1)?.body.blocks)).toContain('<@U_ANNA>');
    expect(wechat.sent.at(-1)?.text).toMatch(/已接手/);
  });

  it('opens a reply modal and delivers the submitted text to the worker on WeChat', async () => {
    await sendPayload(action('ticket_reply', ticketId, 'U_ANNA'));
    expect(api.named('views.open').at(-1)?.body.trigger_id).toBe('trigger-ticket_reply');
    const submission = {
      type: 'view_submission',
      user: { id: 'U_ANNA', name: 'anna' },
      team: { id: 'T1' },
      api_app_id: 'A1',
      token: 'x',
      trigger_id: 't',
      view: { id: 'V1', callback_id: 'ticket_reply_modal', private_metadata: ticketId, state: { values: { reply: { text: { type: 'plain_text_input', value: '请先就医并保留病历，我们会联系您' } } } }, hash: 'h' },
    };
    expect((await sendPayload(submission)).status).toBe(200);
    await dispatcher.drainOnce();
    expect(wechat.sent.at(-1)).toEqual({ conversationId: 'contact:w1', text: '【工会工作人员】请先就医并保留病历，我们会联系您' });
  });

  it('shows worker follow-ups in the ticket thread', async () => {
    await core.handle({ channel: 'wechat', conversationId: 'contact:w1', userId: 'w1', messageId: 'm2', kind: 'text', text: '好的，谢谢', timestamp: Date.now() });
    await dispatcher.drainOnce();
    const thread = api.named('chat.postMessage').filter((c) => c.body.thread_ts);
    expect(thread.at(-1)?.body.text).toContain('好的，谢谢');
  });

  it('lists open tickets with /tickets', async () => {
    const body = new URLSearchParams({ command: '/tickets', text: '', user_id: 'U_ANNA', channel_id: 'C123', team_id: 'T1', response_url: `${apiBase}/respond`, trigger_id: 't', token: 'x' }).toString();
    const res = await fetch(eventsUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) } });
    expect(res.status).toBe(200);
    await expect.poll(() => api.named('respond').length).toBe(1);
    expect(String(api.named('respond')[0]?.body.text)).toContain(ticketId);
  });

  it('resolves: the bot takes the conversation back and tells the worker', async () => {
    await sendPayload(action('ticket_resolve', ticketId, 'U_ANNA'));
    expect((await store.getTicket(ticketId))?.status).toBe('resolved');
    await dispatcher.drainOnce();
    expect(wechat.sent.at(-1)?.text).toMatch(/已处理完/);
    expect((await store.getConversation('wechat', 'contact:w1'))?.state).toBe('bot');
  });

  it('rejects unsigned and stale requests', async () => {
    const body = `payload=${encodeURIComponent(JSON.stringify(action('ticket_resolve', ticketId, 'U_X')))}`;
    const unsigned = await fetch(eventsUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBe(401);
    const badSig = await fetch(eventsUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=deadbeef' } });
    expect(badSig.status).toBe(401);
    const stale = await fetch(eventsUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, Math.floor(Date.now() / 1000) - 600) } });
    expect(stale.status).toBe(401);
  });
});
