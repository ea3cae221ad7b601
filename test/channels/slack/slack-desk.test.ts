import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDesk, type SlackDesk } from '../../../src/channels/slack/slack-desk.js';
import { ticketActionId } from '../../../src/channels/slack/ticket-blocks.js';
import { createConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../../src/conversation/outbox-dispatcher.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';
import { FakeSlackApi } from '../../helpers/fake-slack-api.js';
import { RecordingSender } from '../../helpers/recording-channels.js';
import { buttonClick, postCommand, postPayload, replySubmission, slackSignature } from './signed-request.js';

const SECRET = 'test-signing-secret';
const api = new FakeSlackApi();
const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'slack-')), 'db.sqlite'));
const notices = loadNotices('knowledge');
const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices });
const wechat = new RecordingSender('wechat');
let apiBase = '';
let eventsUrl = '';
let slack: SlackDesk;
let dispatcher: ReturnType<typeof createOutboxDispatcher>;

const click = (action: 'claim' | 'reply' | 'resolve' | 'view', ticketId: string, user: string) =>
  postPayload(eventsUrl, SECRET, buttonClick(ticketActionId(action, ticketId), ticketId, user, `${apiBase}/respond`));

beforeAll(async () => {
  apiBase = await api.start();
  slack = createSlackDesk({
    botToken: 'xoxb-test',
    signingSecret: SECRET,
    channel: 'C123',
    port: core,
    slackApiUrl: `${apiBase}/api/`,
    processBeforeResponse: true,
  });
  const server = await slack.start(0);
  eventsUrl = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/slack/events`;
  dispatcher = createOutboxDispatcher({ store, desk: slack.desk, senders: new Map([['wechat', wechat]]), notices });
});
afterAll(async () => {
  await slack.stop();
  await api.stop();
});

describe('Slack staff desk with the real core and outbox (real Bolt app, signed requests, fake Web API)', () => {
  let ticketId = '';

  it('posts a new ticket with Block Kit and Claim / Reply / Resolve buttons, ID numbers masked', async () => {
    await core.handle({
      channel: 'wechat',
      conversationId: 'contact:w1',
      userId: 'w1',
      messageId: 'm1',
      kind: 'text',
      text: '我受伤了，身份证110101199003078515',
      timestamp: Date.now(),
    });
    await dispatcher.drainOnce();
    const post = api.named('chat.postMessage')[0]!;
    expect(post.body.channel).toBe('C123');
    expect(post.headers.authorization).toBe('Bearer xoxb-test');
    ticketId = (await store.listOpenTickets())[0]!.id;
    const blocksText = JSON.stringify(post.body.blocks);
    expect(blocksText).toContain('URGENT');
    for (const action of ['claim', 'reply', 'resolve', 'view'] as const)
      expect(blocksText).toContain(ticketActionId(action, ticketId));
    expect(blocksText).not.toContain('110101199003078515');
    expect(String(post.body.text)).not.toContain('110101199003078515');
    // The ts Slack returned is recorded, so updates and thread replies find the message.
    expect((await store.getTicket(ticketId))?.slack).toEqual({ channel: 'C123', ts: '1001.0001' });
  });

  it('claims once: the message shows the owner, a second click by someone else gets an ephemeral notice', async () => {
    expect((await click('claim', ticketId, 'U_ANNA')).status).toBe(200);
    expect((await click('claim', ticketId, 'U_ANNA')).status).toBe(200);
    expect((await click('claim', ticketId, 'U_BEN')).status).toBe(200);
    expect((await store.getTicket(ticketId))?.owner).toBe('U_ANNA');
    const ephemeral = api.named('chat.postEphemeral');
    // The owner's double click is ok twice (contact shown to her only); the other staff member is told who owns it.
    expect(ephemeral.map((c) => c.body.user)).toEqual(['U_ANNA', 'U_ANNA', 'U_BEN']);
    expect(String(ephemeral[0]?.body.text)).toContain('contact:w1');
    expect(String(ephemeral[2]?.body.text)).toContain('<@U_ANNA>');
    expect(String(ephemeral[2]?.body.text)).not.toContain('contact:w1');
    await dispatcher.drainOnce();
    const updates = api.named('chat.update');
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]?.body.blocks)).toContain('<@U_ANNA>');
    expect(JSON.stringify(updates[0]?.body.blocks)).not.toContain(ticketActionId('claim', ticketId));
    expect(wechat.sent.filter((s) => /已接手/.test(s.text))).toHaveLength(1);
  });

  it('opens a reply modal and delivers the submitted text to the worker on WeChat', async () => {
    await click('reply', ticketId, 'U_ANNA');
    const open = api.named('views.open').at(-1);
    expect(open?.body.trigger_id).toBe(`trigger-${ticketActionId('reply', ticketId)}-U_ANNA`);
    expect(open?.body.view).toMatchObject({ callback_id: 'ticket_reply_modal', private_metadata: ticketId });
    expect(
      (await postPayload(eventsUrl, SECRET, replySubmission(ticketId, 'U_ANNA', '请先就医并保留病历，我们会联系您')))
        .status,
    ).toBe(200);
    await dispatcher.drainOnce();
    expect(wechat.sent.at(-1)).toEqual({
      conversationId: 'contact:w1',
      text: '【工会工作人员】请先就医并保留病历，我们会联系您',
    });
  });

  it('shows worker follow-ups in the ticket thread', async () => {
    await core.handle({
      channel: 'wechat',
      conversationId: 'contact:w1',
      userId: 'w1',
      messageId: 'm2',
      kind: 'text',
      text: '好的，谢谢，我的电话13812345678',
      timestamp: Date.now(),
    });
    await dispatcher.drainOnce();
    const thread = api.named('chat.postMessage').filter((c) => c.body.thread_ts);
    const ts = (await store.getTicket(ticketId))?.slack?.ts;
    expect(thread.at(-1)?.body.thread_ts).toBe(ts);
    expect(thread.at(-1)?.body.text).toContain('好的，谢谢');
    expect(thread.at(-1)?.body.text).not.toContain('13812345678');
  });

  it('lists open tickets with /tickets, ephemeral', async () => {
    const res = await postCommand(eventsUrl, SECRET, {
      command: '/tickets',
      text: '',
      user_id: 'U_ANNA',
      channel_id: 'C123',
      team_id: 'T1',
      response_url: `${apiBase}/respond`,
      trigger_id: 't',
      token: 'x',
    });
    expect(res.status).toBe(200);
    await expect.poll(() => api.named('respond').length).toBe(1);
    const reply = api.named('respond')[0]!.body;
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain(ticketId);
    expect(String(reply.text)).toContain('<@U_ANNA>');
  });

  it('resolves: the message loses its buttons, the worker is told, the bot takes the conversation back', async () => {
    await click('resolve', ticketId, 'U_ANNA');
    expect((await store.getTicket(ticketId))?.status).toBe('resolved');
    await dispatcher.drainOnce();
    const last = JSON.stringify(api.named('chat.update').at(-1)?.body.blocks);
    expect(last).toContain('resolved');
    expect(last).not.toContain(ticketActionId('resolve', ticketId));
    expect(wechat.sent.at(-1)?.text).toMatch(/已处理完/);
    expect((await store.getConversation('wechat', 'contact:w1'))?.state).toBe('bot');
  });

  it('rejects unsigned, wrongly signed and stale requests with 401, and changes nothing', async () => {
    const payload = buttonClick(ticketActionId('claim', 'T-NONE'), 'T-NONE', 'U_X', `${apiBase}/respond`);
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const callsBefore = api.calls.length;
    expect((await postPayload(eventsUrl, SECRET, payload, {})).status).toBe(401);
    expect(
      (
        await postPayload(eventsUrl, SECRET, payload, {
          'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
          'x-slack-signature': 'v0=deadbeef',
        })
      ).status,
    ).toBe(401);
    expect((await postPayload(eventsUrl, SECRET, payload, slackSignature('another-secret', body))).status).toBe(401);
    expect(
      (
        await postPayload(
          eventsUrl,
          SECRET,
          payload,
          slackSignature(SECRET, body, Math.floor(Date.now() / 1000) - 6 * 60),
        )
      ).status,
    ).toBe(401);
    expect(api.calls.length).toBe(callsBefore);
  });
});
