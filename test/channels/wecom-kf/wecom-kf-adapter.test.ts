import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformChannel } from '../../../src/channels/platform-common/channel-adapter.js';
import { createWecomKfAdapter } from '../../../src/channels/wecom-kf/wecom-kf-adapter.js';
import {
  createChannelHarness,
  harnessAdapterSettings,
  listenChannel,
  type ChannelHarness,
} from '../../helpers/channel-harness.js';
import { FakeWecomKfServer } from '../../helpers/fake-wecom-kf-server.js';
import { newEncodingAesKey, wxEncrypt, wxSignature } from '../../helpers/wx-envelope.js';

const CORP_ID = 'ww0123456789abcdef';
const SECRET = 'kf-secret-0123456789abcdef';
const TOKEN = 'kfToken42';
const KF = 'wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJRw';
const USER = 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw';
const CONV = `${KF}/${USER}`;

let h: ChannelHarness;
let fake: FakeWecomKfServer;
let adapter: PlatformChannel;
let server: FastifyInstance;
let url: string;
let aesKey: string;
let seq = 0;

async function start(options: { servicer?: string } = {}): Promise<void> {
  adapter = createWecomKfAdapter({
    corpId: CORP_ID,
    secret: SECRET,
    token: TOKEN,
    encodingAesKey: aesKey,
    apiBase: fake.baseUrl,
    ...(options.servicer ? { servicerUserId: options.servicer } : {}),
    language: 'zh-Hans',
    maxMessageLength: 600,
    ...harnessAdapterSettings(h),
  });
  const listening = await listenChannel(adapter);
  server = listening.server;
  url = `${listening.origin}/channels/wecom_kf`;
}

/** WeCom's "there are messages" callback, encrypted and signed as WeCom sends it. */
async function callback(
  options: { badSignature?: boolean; callbackToken?: string } = {},
): Promise<{ status: number; body: string }> {
  const inner =
    `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><CreateTime>1764471600</CreateTime>` +
    '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>' +
    `<Token><![CDATA[${options.callbackToken ?? 'ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR'}]]></Token>` +
    `<OpenKfId><![CDATA[${KF}]]></OpenKfId></xml>`;
  const encrypt = wxEncrypt(aesKey, CORP_ID, inner);
  const timestamp = '1764471600';
  const nonce = `nonce${(seq += 1)}`;
  const signature = wxSignature(options.badSignature ? 'wrong' : TOKEN, timestamp, nonce, encrypt);
  const body =
    `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt>` +
    '<AgentID><![CDATA[]]></AgentID></xml>';
  const response = await fetch(
    `${url}?${new URLSearchParams({ msg_signature: signature, timestamp, nonce }).toString()}`,
    { method: 'POST', headers: { 'content-type': 'text/xml' }, body },
  );
  return { status: response.status, body: await response.text() };
}

beforeEach(async () => {
  h = createChannelHarness();
  fake = new FakeWecomKfServer(CORP_ID, SECRET);
  await fake.start();
  aesKey = newEncodingAesKey();
});

afterEach(async () => {
  await adapter.stop();
  await server.close();
  await fake.stop();
  await h.close();
});

describe('WeCom KF: callback', () => {
  it('answers the URL verification with the decrypted echostr; a bad signature gets 401', async () => {
    await start();
    const echostr = wxEncrypt(aesKey, CORP_ID, '1616140317555161061');
    const okQuery = new URLSearchParams({
      msg_signature: wxSignature(TOKEN, '1764471600', 'n1', echostr),
      timestamp: '1764471600',
      nonce: 'n1',
      echostr,
    });
    const ok = await fetch(`${url}?${okQuery.toString()}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1616140317555161061');
    const badQuery = new URLSearchParams({
      msg_signature: wxSignature('other', '1764471600', 'n1', echostr),
      timestamp: '1764471600',
      nonce: 'n1',
      echostr,
    });
    const bad = await fetch(`${url}?${badQuery.toString()}`);
    expect(bad.status).toBe(401);
  });

  it('rejects a callback with a bad signature without pulling messages, and logs no message text', async () => {
    await start();
    fake.customerText(KF, USER, '公司拖欠工资两个月');
    const response = await callback({ badSignature: true });
    await adapter.idle();
    expect(response.status).toBe(401);
    expect(fake.syncRequests).toHaveLength(0);
    expect(h.log.lines.join('\n')).toContain('WeCom callback rejected');
    expect(h.log.lines.join('\n')).not.toContain('拖欠');
  });

  it('answers the callback before the answer is ready, then pulls with its token and sends the answer', async () => {
    await start();
    let release: () => void = () => undefined;
    h.engine.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.customerText(KF, USER, '试用期可以随便辞退吗');
    const response = await callback({ callbackToken: 'ENCtoken1' });
    expect(response.body).toBe('success');
    expect(fake.sent).toHaveLength(0);
    release();
    await adapter.idle();
    expect(fake.syncRequests[0]).toEqual({ open_kfid: KF, token: 'ENCtoken1' });
    expect(fake.sent).toEqual([{ touser: USER, open_kfid: KF, content: 'answer to: 试用期可以随便辞退吗' }]);
  });
});

describe('WeCom KF: pulling', () => {
  it('persists the cursor: the next pull starts after what was handled, across pages', async () => {
    await start();
    fake.page = 1;
    fake.customerText(KF, USER, '一问');
    fake.customerText(KF, USER, '二问');
    await callback();
    await adapter.idle();
    expect(fake.sent.map((s) => s.content)).toEqual(['answer to: 一问', 'answer to: 二问']);
    expect(h.state.get(`wecom_kf:cursor:${KF}`)).toBe('C2');
    fake.customerText(KF, USER, '三问');
    await callback();
    await adapter.idle();
    expect(fake.syncRequests.at(-1)?.cursor).toBe('C2');
    expect(fake.sent.map((s) => s.content)).toEqual(['answer to: 一问', 'answer to: 二问', 'answer to: 三问']);
  });

  it('answers a message delivered twice once (msgid)', async () => {
    await start();
    const m = fake.customerText(KF, USER, '工伤怎么赔');
    await callback();
    await adapter.idle();
    fake.redeliver(m);
    await callback();
    await adapter.idle();
    expect(h.engine.requests).toHaveLength(1);
    expect(fake.sent).toHaveLength(1);
  });

  it('welcomes a worker entering the chat through send_msg_on_event with the welcome code', async () => {
    await start();
    const code = fake.enterSession(KF, USER);
    await callback();
    await adapter.idle();
    expect(fake.welcomes).toEqual([{ code, content: h.texts.worker('welcome', 'zh-Hans') }]);
  });

  it('asks for text when a worker sends an image', async () => {
    await start();
    fake.customerMessage(KF, USER, 'image');
    await callback();
    await adapter.idle();
    expect(fake.sent[0]?.content).toContain('请用文字输入');
    expect(h.engine.requests).toHaveLength(0);
  });

  it('gets a new access token when WeCom says it expired', async () => {
    await start();
    fake.customerText(KF, USER, '第一问');
    await callback();
    await adapter.idle();
    fake.expireTokens();
    fake.customerText(KF, USER, '第二问');
    await callback();
    await adapter.idle();
    expect(fake.tokenRequests).toBe(2);
    expect(fake.sent.map((s) => s.content)).toEqual(['answer to: 第一问', 'answer to: 第二问']);
  });
});

describe('WeCom KF: staff desk', () => {
  /** The "staff joined" notice the worker gets when staff claim the ticket (knowledge/conversation/notices.json). */
  const JOINED = '工会工作人员已接手您的问题，将在这里与您联系。';

  async function openTicket(): Promise<string> {
    fake.customerText(KF, USER, '我要找人工');
    await callback();
    await adapter.idle();
    const [ticket] = await h.core.listOpenTickets();
    if (!ticket) throw new Error('no ticket');
    expect(ticket.conversationId).toBe(CONV);
    return ticket.id;
  }

  it('moves the session to a person on claim (after the notice), back to the bot on resolve (before it)', async () => {
    await start({ servicer: 'zhangsan' });
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wecom_kf', adapter.sender]]));
    await dispatcher.drainOnce();
    const before = fake.sent.length;
    expect((await h.core.claim(ticketId, 'U_STAFF')).ok).toBe(true);
    await dispatcher.drainOnce();
    expect(fake.sent.slice(before).map((s) => s.content)).toEqual([JOINED]);
    expect(fake.transitions).toEqual([{ external_userid: USER, service_state: 3, servicer_userid: 'zhangsan' }]);

    // With a person, the API may not send: the staff reply is held back with a note saying where to answer.
    expect(await h.core.staffReply(ticketId, 'U_STAFF', '请到企业微信里回复')).toEqual({ ok: true });
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(fake.sent.some((s) => s.content.includes('请到企业微信里回复'))).toBe(false);
    expect(h.desk.thread.some((t) => t.text === h.texts.staff('person_state', { channel: 'wecom_kf' }))).toBe(true);

    expect(await h.core.resolve(ticketId, 'U_STAFF')).toBe(true);
    await dispatcher.drainOnce();
    expect(fake.transitions.at(-1)).toEqual({ external_userid: USER, service_state: 1 });
    expect(fake.sent.at(-1)?.content).toContain(ticketId);
  });

  it('delivers staff replies when sessions stay with the bot, retrying a failed send through the outbox', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wecom_kf', adapter.sender]]));
    await dispatcher.drainOnce();
    // Only the owner may reply: claim first (no servicer configured, so the session stays with the bot).
    expect((await h.core.claim(ticketId, 'U_STAFF')).ok).toBe(true);
    await dispatcher.drainOnce();
    expect(fake.sent.at(-1)).toEqual({ touser: USER, open_kfid: KF, content: JOINED });
    const before = fake.sent.length;
    expect(await h.core.staffReply(ticketId, 'U_STAFF', '我们明天联系您')).toEqual({ ok: true });
    fake.failNextSends = 1;
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(fake.sent.some((s) => s.content.includes('我们明天联系您'))).toBe(false);
    expect(h.log.lines.join('\n')).toContain('outbox delivery failed; will retry');
    // The harness dispatcher has retryBaseMs 0: the failed item is due again at once (retryAt = now + 0).
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(fake.sent.slice(before)).toEqual([
      { touser: USER, open_kfid: KF, content: '【工会工作人员】我们明天联系您' },
    ]);
    expect(fake.transitions).toHaveLength(0);
  });

  it('holds a staff reply back after the 48-hour window and tells staff', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wecom_kf', adapter.sender]]));
    await dispatcher.drainOnce();
    expect((await h.core.claim(ticketId, 'U_STAFF')).ok).toBe(true);
    await dispatcher.drainOnce(); // the "staff joined" notice goes out while the window is open
    expect(fake.sent.at(-1)?.content).toBe(JOINED);
    const before = fake.sent.length;
    h.clock.now += 48 * 3_600_000 + 1;
    expect(await h.core.staffReply(ticketId, 'U_STAFF', '还需要帮助吗')).toEqual({ ok: true });
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(fake.sent).toHaveLength(before);
    expect(
      h.desk.thread.some((t) => t.text.startsWith('Not delivered on wecom_kf: the platform only lets us message')),
    ).toBe(true);
  });
});
