import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSlackDesk,
  type DeskClaimResult,
  type SlackDesk,
  type SlackPort,
} from '../../../src/channels/slack/slack-desk.js';
import { ticketActionId } from '../../../src/channels/slack/ticket-blocks.js';
import type { Ticket } from '../../../src/conversation/types.js';
import { FakeSlackApi } from '../../helpers/fake-slack-api.js';
import { buttonClick, postCommand, postPayload, replySubmission } from './signed-request.js';

const SECRET = 'fake-port-signing-secret';
const NOW = Date.UTC(2025, 0, 6, 8, 0);

function ticket(id: string, patch: Partial<Ticket> = {}): Ticket {
  return {
    id,
    channel: 'wechat',
    conversationId: `contact:${id}`,
    language: 'zh-Hans',
    category: 'person',
    reasons: ['asked_for_person'],
    summary: '想找工会的人',
    transcript: [
      { role: 'worker', text: '我叫王小明，身份证110101199003078515，想找人', at: NOW - 60_000 },
      { role: 'bot', text: '已为您转接', at: NOW - 59_000 },
    ],
    citations: [],
    status: 'open',
    createdAt: NOW - 30 * 60_000,
    updatedAt: NOW,
    ...patch,
  };
}

/** A scripted core: records calls; tickets live in a map. */
class FakePort implements SlackPort {
  readonly tickets = new Map<string, Ticket>();
  readonly calls: string[] = [];
  delayMs = 0;
  async claim(id: string, user: string): Promise<DeskClaimResult> {
    this.calls.push(`claim ${id} ${user}`);
    await new Promise((r) => setTimeout(r, this.delayMs));
    const t = this.tickets.get(id);
    if (!t) return { ok: false, reason: 'not_found' };
    if (t.status === 'resolved') return { ok: false, reason: 'resolved', ticket: t };
    if (t.owner) return { ok: false, reason: 'already_claimed', ticket: t };
    const claimed = { ...t, owner: user, status: 'claimed' as const };
    this.tickets.set(id, claimed);
    return { ok: true, ticket: claimed };
  }
  async staffReply(id: string, user: string, text: string): Promise<boolean> {
    this.calls.push(`reply ${id} ${user} ${text}`);
    const t = this.tickets.get(id);
    return t !== undefined && t.status !== 'resolved';
  }
  async resolve(id: string, user: string): Promise<boolean> {
    this.calls.push(`resolve ${id} ${user}`);
    const t = this.tickets.get(id);
    if (!t || t.status === 'resolved') return false;
    this.tickets.set(id, { ...t, status: 'resolved' });
    return true;
  }
  async listOpenTickets(): Promise<Ticket[]> {
    return [...this.tickets.values()].filter((t) => t.status !== 'resolved');
  }
  async getTicket(id: string): Promise<Ticket | undefined> {
    return this.tickets.get(id);
  }
}

const api = new FakeSlackApi();
const port = new FakePort();
let apiBase = '';
let url = '';
let slack: SlackDesk;
const click = (action: 'claim' | 'reply' | 'resolve' | 'view', id: string, user: string) =>
  postPayload(url, SECRET, buttonClick(ticketActionId(action, id), id, user, `${apiBase}/respond`));
const ephemeralTo = (user: string) =>
  api
    .named('chat.postEphemeral')
    .filter((c) => c.body.user === user)
    .map((c) => String(c.body.text));

beforeAll(async () => {
  apiBase = await api.start();
  slack = createSlackDesk({
    botToken: 'xoxb-test',
    signingSecret: SECRET,
    channel: 'C123',
    port,
    slackApiUrl: `${apiBase}/api/`,
    processBeforeResponse: true,
    now: () => NOW,
    leads: ['U_LEAD'],
    transcriptLink: (id) => ({ url: `https://bot.example.org/staff/tickets/${id}?exp=1&sig=x`, ttlSeconds: 900 }),
  });
  url = `http://127.0.0.1:${((await slack.start(0))!.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  await slack.stop();
  await api.stop();
});
beforeEach(() => {
  port.tickets.clear();
  port.calls.length = 0;
  api.calls.length = 0;
});

describe('Slack desk actions (real Bolt app, scripted core)', () => {
  it("claim calls the core once per click; the owner gets the worker's contact, other staff who owns it", async () => {
    port.tickets.set('T1', ticket('T1'));
    await click('claim', 'T1', 'U_A');
    await click('claim', 'T1', 'U_A');
    await click('claim', 'T1', 'U_B');
    expect(port.calls).toEqual(['claim T1 U_A', 'claim T1 U_A', 'claim T1 U_B']);
    expect(port.tickets.get('T1')?.owner).toBe('U_A');
    // The owner alone learns how to reach the worker; the others only who owns it.
    expect(ephemeralTo('U_A')).toEqual([
      `You own ticket T1. The worker is on wechat, contact id ${ticket('T1').conversationId} ` +
        '(personal data: only for you).',
    ]);
    expect(ephemeralTo('U_B')).toEqual(['Ticket T1 is already claimed by <@U_A>.']);
  });

  it('explains a claim on a resolved or unknown ticket', async () => {
    port.tickets.set('T2', ticket('T2', { status: 'resolved', owner: 'U_A' }));
    await click('claim', 'T2', 'U_B');
    await click('claim', 'T404', 'U_B');
    expect(ephemeralTo('U_B')).toEqual(['Ticket T2 is already resolved.', 'Ticket T404 was not found.']);
  });

  it('still understands buttons of messages posted before action ids carried the ticket id', async () => {
    port.tickets.set('T3', ticket('T3'));
    await postPayload(url, SECRET, buttonClick('ticket_claim', 'T3', 'U_A', `${apiBase}/respond`));
    await postPayload(
      url,
      SECRET,
      buttonClick(ticketActionId('resolve', 'T3'), undefined, 'U_A', `${apiBase}/respond`),
    );
    expect(port.calls).toEqual(['claim T3 U_A', 'resolve T3 U_A']);
  });

  it('reply opens a modal for the owner (or a lead) only; refuses a resolved or unclaimed one, no modal', async () => {
    port.tickets.set('T4', ticket('T4', { owner: 'U_A', status: 'claimed' }));
    port.tickets.set('T5', ticket('T5', { status: 'resolved' }));
    port.tickets.set('T3', ticket('T3'));
    await click('reply', 'T4', 'U_A');
    await click('reply', 'T5', 'U_A');
    await click('reply', 'T3', 'U_A');
    await click('reply', 'T4', 'U_B');
    await click('reply', 'T4', 'U_LEAD');
    const opened = api.named('views.open');
    expect(opened).toHaveLength(2);
    expect(opened[0]?.body.view).toMatchObject({ callback_id: 'ticket_reply_modal', private_metadata: 'T4' });
    expect(JSON.stringify(opened[0]?.body.view)).toContain('wechat');
    expect(ephemeralTo('U_A')).toEqual([
      'Ticket T5 is already resolved.',
      'Claim ticket T3 first: only its owner replies to the worker.',
    ]);
    expect(ephemeralTo('U_B')).toEqual(['Ticket T4 is already claimed by <@U_A>.']);
  });

  it('a submitted reply goes to the core; empty or refused replies keep the modal open with an error', async () => {
    port.tickets.set('T6', ticket('T6'));
    port.tickets.set('T7', ticket('T7', { status: 'resolved' }));
    const ok = await postPayload(url, SECRET, replySubmission('T6', 'U_A', '  您好，我们明天联系您  '));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('');
    const empty = await postPayload(url, SECRET, replySubmission('T6', 'U_A', '   '));
    expect(await empty.json()).toEqual({ response_action: 'errors', errors: { reply: 'Please write a message.' } });
    const refused = await postPayload(url, SECRET, replySubmission('T7', 'U_A', '你好'));
    expect(await refused.json()).toMatchObject({
      response_action: 'errors',
      errors: { reply: expect.stringContaining('resolved') },
    });
    expect(port.calls).toEqual(['reply T6 U_A 您好，我们明天联系您', 'reply T7 U_A 你好']);
  });

  it('resolve calls the core; a second resolve is explained, not repeated', async () => {
    port.tickets.set('T8', ticket('T8', { owner: 'U_A', status: 'claimed' }));
    await click('resolve', 'T8', 'U_A');
    await click('resolve', 'T8', 'U_B');
    expect(port.tickets.get('T8')?.status).toBe('resolved');
    expect(ephemeralTo('U_B')).toEqual(['Ticket T8 is already resolved.']);
  });

  it('"View full ticket" gives the clicker alone a signed link; the transcript never goes to Slack', async () => {
    port.tickets.set('T9', ticket('T9'));
    await click('view', 'T9', 'U_A');
    expect(ephemeralTo('U_A')).toEqual([
      expect.stringContaining('https://bot.example.org/staff/tickets/T9?exp=1&sig=x'),
    ]);
    expect(JSON.stringify(api.calls)).not.toContain('110101199003078515');
    expect(api.named('views.open')).toHaveLength(0);
    expect(api.named('chat.postMessage')).toHaveLength(0);
  });

  it('/tickets lists open tickets, urgent first, with their age', async () => {
    port.tickets.set('T10', ticket('T10'));
    port.tickets.set('T11', ticket('T11', { category: 'urgent', reasons: ['injury'], createdAt: NOW - 5 * 60_000 }));
    port.tickets.set('T12', ticket('T12', { status: 'resolved' }));
    const res = await postCommand(url, SECRET, {
      command: '/tickets',
      text: '',
      user_id: 'U_A',
      channel_id: 'C123',
      team_id: 'T1',
      response_url: `${apiBase}/respond`,
      trigger_id: 't',
      token: 'x',
    });
    expect(res.status).toBe(200);
    await expect.poll(() => api.named('respond').length).toBe(1);
    const text = String(api.named('respond')[0]?.body.text);
    expect(text.split('\n')).toEqual([
      'Open tickets (2):',
      '• T11 · URGENT · open · zh-Hans · injury · 5 min',
      '• T10 · Needs a person · open · zh-Hans · asked_for_person · 30 min',
    ]);
  });

  it('/tickets says so when nothing is open', async () => {
    await postCommand(url, SECRET, {
      command: '/tickets',
      text: '',
      user_id: 'U_A',
      channel_id: 'C123',
      team_id: 'T1',
      response_url: `${apiBase}/respond`,
      trigger_id: 't',
      token: 'x',
    });
    await expect.poll(() => api.named('respond').map((c) => c.body.text)).toEqual(['No open tickets.']);
  });
});

describe('Slack desk acknowledges before the work is done', () => {
  const slowApi = new FakeSlackApi();
  const slowPort = new FakePort();
  let slow: SlackDesk;
  let slowUrl = '';
  beforeAll(async () => {
    const base = await slowApi.start();
    slow = createSlackDesk({
      botToken: 'xoxb-test',
      signingSecret: SECRET,
      channel: 'C123',
      port: slowPort,
      slackApiUrl: `${base}/api/`,
    });
    slowUrl = `http://127.0.0.1:${((await slow.start(0))!.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await slow.stop();
    await slowApi.stop();
  });

  it('answers Slack at once while a slow claim is still running (default processBeforeResponse: false)', async () => {
    slowPort.tickets.set('T1', ticket('T1'));
    slowPort.delayMs = 1500;
    const res = await postPayload(
      slowUrl,
      SECRET,
      buttonClick(ticketActionId('claim', 'T1'), 'T1', 'U_A', 'http://127.0.0.1:9/respond'),
    );
    expect(res.status).toBe(200);
    // Slack got its 200 while the claim was still running.
    expect(slowPort.tickets.get('T1')?.owner).toBeUndefined();
    await expect.poll(() => slowPort.tickets.get('T1')?.owner, { timeout: 3000 }).toBe('U_A');
  });
});
