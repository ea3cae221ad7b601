import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformChannel } from '../../../src/channels/platform-common/channel-adapter.js';
import { createWechatOaAdapter } from '../../../src/channels/wechat-oa/wechat-oa-adapter.js';
import {
  createChannelHarness,
  harnessAdapterSettings,
  listenChannel,
  type ChannelHarness,
} from '../../helpers/channel-harness.js';
import { FakeWechatOaServer } from '../../helpers/fake-wechat-oa-server.js';
import { newEncodingAesKey, wxDecrypt, wxEncrypt, wxSignature, xmlField } from '../../helpers/wx-envelope.js';

const APP_ID = 'wx1234567890abcdef';
const SECRET = 'oa-app-secret-0123456789';
const TOKEN = 'gonghuiToken1';
const OA_ID = 'gh_0123456789ab';
const OPENID = 'oWORKER-openid-0001';

let h: ChannelHarness;
let fake: FakeWechatOaServer;
let adapter: PlatformChannel;
let server: FastifyInstance;
let url: string;
let aesKey: string;
let seq = 0;

async function start(
  options: { safeMode?: boolean; passiveReplyMs?: number; maxMessageLength?: number } = {},
): Promise<void> {
  adapter = createWechatOaAdapter({
    appId: APP_ID,
    appSecret: SECRET,
    token: TOKEN,
    ...(options.safeMode ? { encodingAesKey: aesKey } : {}),
    apiBase: fake.baseUrl,
    // Generous in tests, so a loaded machine never turns a passive reply into a late one.
    passiveReplyMs: options.passiveReplyMs ?? 15_000,
    handoffEventKey: 'TALK_TO_PERSON',
    language: 'zh-Hans',
    maxMessageLength: options.maxMessageLength ?? 600,
    ...harnessAdapterSettings(h),
  });
  const listening = await listenChannel(adapter);
  server = listening.server;
  url = `${listening.origin}/channels/wechat_oa`;
}

function messageXml(fields: Record<string, string>): string {
  const all = {
    ToUserName: OA_ID,
    FromUserName: OPENID,
    CreateTime: String(Math.floor(h.clock.now / 1000)),
    ...fields,
  };
  return `<xml>${Object.entries(all)
    .map(([k, v]) => (/^\d+$/.test(v) ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`))
    .join('')}</xml>`;
}

function textXml(content: string, msgId = String(24_000_000_000_000_000n + BigInt((seq += 1)))): string {
  return messageXml({ MsgType: 'text', Content: content, MsgId: msgId });
}

/** Posts a callback as WeChat does: signed query, plaintext or safe-mode body. */
async function post(
  xml: string,
  options: { safeMode?: boolean; badSignature?: boolean; badMsgSignature?: boolean } = {},
): Promise<{ status: number; body: string }> {
  const timestamp = String(Math.floor(h.clock.now / 1000));
  const nonce = `n${(seq += 1)}`;
  let signature = wxSignature(TOKEN, timestamp, nonce);
  if (options.badSignature) signature = wxSignature('wrong-token', timestamp, nonce);
  const params = new URLSearchParams({ signature, timestamp, nonce, openid: OPENID });
  let body = xml;
  if (options.safeMode) {
    const encrypt = wxEncrypt(aesKey, APP_ID, xml);
    params.set('encrypt_type', 'aes');
    params.set(
      'msg_signature',
      options.badMsgSignature
        ? wxSignature(TOKEN, timestamp, nonce, 'other')
        : wxSignature(TOKEN, timestamp, nonce, encrypt),
    );
    body = `<xml><ToUserName><![CDATA[${OA_ID}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
  }
  const response = await fetch(`${url}?${params.toString()}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body,
  });
  return { status: response.status, body: await response.text() };
}

beforeEach(async () => {
  h = createChannelHarness();
  fake = new FakeWechatOaServer(APP_ID, SECRET);
  await fake.start();
  aesKey = newEncodingAesKey();
});

afterEach(async () => {
  await adapter.stop();
  await server.close();
  await fake.stop();
  await h.close();
});

describe('WeChat Official Account: verification and signatures', () => {
  it('answers the URL verification with echostr when the signature is right, 401 otherwise', async () => {
    await start();
    const timestamp = '1764471600';
    const okQuery = new URLSearchParams({
      signature: wxSignature(TOKEN, timestamp, 'abc'),
      timestamp,
      nonce: 'abc',
      echostr: '5837397749',
    });
    const ok = await fetch(`${url}?${okQuery.toString()}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('5837397749');
    const badQuery = new URLSearchParams({
      signature: wxSignature('nottoken', timestamp, 'abc'),
      timestamp,
      nonce: 'abc',
      echostr: '5837397749',
    });
    const bad = await fetch(`${url}?${badQuery.toString()}`);
    expect(bad.status).toBe(401);
    expect(await bad.text()).not.toContain('5837397749');
  });

  it('rejects a message with a bad signature and logs the rejection without the message text', async () => {
    await start();
    const response = await post(textXml('老板拖欠我三个月工资'), { badSignature: true });
    expect(response.status).toBe(401);
    expect(h.engine.requests).toHaveLength(0);
    const logged = h.log.lines.join('\n');
    expect(logged).toContain('WeChat callback rejected');
    expect(logged).not.toContain('拖欠');
  });

  it('rejects a safe-mode message whose msg_signature does not match the encrypted body', async () => {
    await start({ safeMode: true });
    const response = await post(textXml('加班费怎么算'), { safeMode: true, badMsgSignature: true });
    expect(response.status).toBe(401);
    expect(h.engine.requests).toHaveLength(0);
  });
});

describe('WeChat Official Account: messages', () => {
  it('answers a text message passively in the callback', async () => {
    await start();
    const response = await post(textXml('加班费怎么算'));
    expect(response.status).toBe(200);
    expect(xmlField(response.body, 'MsgType')).toBe('text');
    expect(xmlField(response.body, 'ToUserName')).toBe(OPENID);
    expect(xmlField(response.body, 'FromUserName')).toBe(OA_ID);
    expect(xmlField(response.body, 'Content')).toBe('answer to: 加班费怎么算');
    expect(fake.sent).toHaveLength(0);
  });

  it('decrypts a safe-mode message and encrypts the passive reply with a valid msg_signature', async () => {
    await start({ safeMode: true });
    const response = await post(textXml('工伤认定要多久'), { safeMode: true });
    expect(response.status).toBe(200);
    expect(h.engine.requests[0]?.text).toBe('工伤认定要多久');
    const encrypt = xmlField(response.body, 'Encrypt') ?? '';
    const timestamp = xmlField(response.body, 'TimeStamp') ?? '';
    const nonce = xmlField(response.body, 'Nonce') ?? '';
    expect(xmlField(response.body, 'MsgSignature')).toBe(wxSignature(TOKEN, timestamp, nonce, encrypt));
    const inner = wxDecrypt(aesKey, encrypt);
    expect(inner.receiveId).toBe(APP_ID);
    expect(xmlField(inner.message, 'Content')).toBe('answer to: 工伤认定要多久');
    expect(xmlField(inner.message, 'ToUserName')).toBe(OPENID);
  });

  it('answers a message retried by WeChat once', async () => {
    await start();
    const xml = textXml('产假多少天', '24123456789012345678');
    const first = await post(xml);
    const retry = await post(xml);
    expect(xmlField(first.body, 'Content')).toBe('answer to: 产假多少天');
    expect(retry.body).toBe('success');
    expect(h.engine.requests).toHaveLength(1);
    expect(fake.sent).toHaveLength(0);
  });

  it('answers "success" at once if slow, then sends via the customer-service API; retries get "success"', async () => {
    await start({ passiveReplyMs: 30 });
    let release: () => void = () => undefined;
    h.engine.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const xml = textXml('单位不给交社保怎么办');
    const first = await post(xml);
    expect(first.body).toBe('success');
    const retry = await post(xml);
    expect(retry.body).toBe('success');
    expect(fake.sent).toHaveLength(0);
    release();
    await adapter.stop(); // waits for the late send
    expect(fake.sent).toEqual([{ touser: OPENID, content: 'answer to: 单位不给交社保怎么办', token: 'TOKEN-1' }]);
    expect(h.engine.requests).toHaveLength(1);
  });

  it('sends the first part of a long answer passively, the rest via the API, never cutting a citation', async () => {
    const long = `${'根据规定，用人单位应当按时足额支付劳动报酬。'.repeat(8)}《劳动合同法》第八十二条规定了二倍工资。${'请保留工资条和考勤记录。'.repeat(8)}`;
    h = createChannelHarness(() => ({ answer: long }));
    await start({ maxMessageLength: 120 });
    const response = await post(textXml('没签合同'));
    await adapter.stop();
    const parts = [xmlField(response.body, 'Content') ?? '', ...fake.sent.map((s) => s.content)];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toBe(long);
    expect(parts.some((p) => p.includes('《劳动合同法》第八十二条'))).toBe(true);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(120);
  });

  it('uses the recognised text of a voice message, and asks for text for images and files', async () => {
    await start();
    const voice = await post(
      messageXml({
        MsgType: 'voice',
        MediaId: 'm1',
        Format: 'amr',
        Recognition: '工资被扣了怎么办',
        MsgId: '24000000000000000901',
      }),
    );
    expect(h.engine.requests[0]?.text).toBe('工资被扣了怎么办');
    expect(xmlField(voice.body, 'Content')).toBe('answer to: 工资被扣了怎么办');
    const image = await post(
      messageXml({
        MsgType: 'image',
        PicUrl: 'http://example.invalid/p.jpg',
        MediaId: 'm2',
        MsgId: '24000000000000000902',
      }),
    );
    expect(xmlField(image.body, 'Content')).toContain('请用文字输入');
    const file = await post(messageXml({ MsgType: 'file', Title: 'contract.pdf', MsgId: '24000000000000000903' }));
    expect(xmlField(file.body, 'Content')).toContain('请用文字输入');
    expect(h.engine.requests).toHaveLength(1);
  });
});

describe('WeChat Official Account: events', () => {
  it('welcomes a new follower with the welcome text from knowledge/', async () => {
    await start();
    const response = await post(messageXml({ MsgType: 'event', Event: 'subscribe' }));
    expect(xmlField(response.body, 'Content')).toBe(h.texts.worker('welcome', 'zh-Hans'));
  });

  it('turns the "talk to a person" menu click into a hand-off request: a ticket is opened', async () => {
    await start();
    const response = await post(messageXml({ MsgType: 'event', Event: 'CLICK', EventKey: 'TALK_TO_PERSON' }));
    const tickets = await h.core.listOpenTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.channel).toBe('wechat_oa');
    expect(tickets[0]?.conversationId).toBe(OPENID);
    expect(xmlField(response.body, 'Content')).toContain(tickets[0]?.id ?? 'missing');
  });
});

describe('WeChat Official Account: sending later (tokens, outbox, windows)', () => {
  /** The "staff joined" notice the worker gets when staff claim the ticket (knowledge/conversation/notices.json). */
  const JOINED = '工会工作人员已接手您的问题，将在这里与您联系。';

  async function openTicket(): Promise<string> {
    await post(textXml('我要找人工'));
    const [ticket] = await h.core.listOpenTickets();
    if (!ticket) throw new Error('no ticket opened');
    return ticket.id;
  }

  /** Staff claim the ticket first (only the owner may reply); the claim queues the "staff joined" notice. */
  async function claim(ticketId: string): Promise<void> {
    expect((await h.core.claim(ticketId, 'U_STAFF')).ok).toBe(true);
  }

  async function reply(ticketId: string, text: string): Promise<void> {
    expect(await h.core.staffReply(ticketId, 'U_STAFF', text)).toEqual({ ok: true });
  }

  it('delivers a staff reply on the same channel, retrying a failed send through the outbox', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wechat_oa', adapter.sender]]));
    await dispatcher.drainOnce(); // posts the ticket to the desk
    await claim(ticketId);
    await dispatcher.drainOnce(); // the "staff joined" notice
    expect(fake.sent.map((s) => [s.touser, s.content])).toEqual([[OPENID, JOINED]]);
    await reply(ticketId, '请把工资条发给我们看看');
    fake.failNextSends = 1;
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(fake.sent).toHaveLength(1);
    expect(h.log.lines.join('\n')).toContain('outbox delivery failed; will retry');
    // The harness dispatcher has retryBaseMs 0: the failed item is due again at once (retryAt = now + 0).
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(fake.sent.map((s) => [s.touser, s.content])).toEqual([
      [OPENID, JOINED],
      [OPENID, '【工会工作人员】请把工资条发给我们看看'],
    ]);
  });

  it('fetches a new access token when WeChat says the cached one expired', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wechat_oa', adapter.sender]]));
    await dispatcher.drainOnce();
    await claim(ticketId);
    await reply(ticketId, '第一条');
    await dispatcher.drainOnce();
    fake.expireTokens();
    await reply(ticketId, '第二条');
    await dispatcher.drainOnce();
    expect(fake.tokenRequests).toBe(2);
    expect(fake.sent.map((s) => s.token)).toEqual(['TOKEN-1', 'TOKEN-1', 'TOKEN-2']);
    expect(fake.sent.map((s) => s.content)).toEqual([JOINED, '【工会工作人员】第一条', '【工会工作人员】第二条']);
  });

  it('refreshes the token before it expires', async () => {
    fake.expiresIn = 600; // refreshed 5 minutes before expiry
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wechat_oa', adapter.sender]]));
    await dispatcher.drainOnce();
    await claim(ticketId);
    await reply(ticketId, '一');
    await dispatcher.drainOnce();
    h.clock.now += 301_000;
    await reply(ticketId, '二');
    await dispatcher.drainOnce();
    expect(fake.sent.map((s) => s.content)).toEqual([JOINED, '【工会工作人员】一', '【工会工作人员】二']);
    expect(fake.sent.map((s) => s.token)).toEqual(['TOKEN-1', 'TOKEN-1', 'TOKEN-2']);
  });

  it('skips sends to a worker who unfollowed, with a note for staff in the ticket thread', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wechat_oa', adapter.sender]]));
    await dispatcher.drainOnce();
    await claim(ticketId);
    await dispatcher.drainOnce();
    expect(fake.sent.map((s) => s.content)).toEqual([JOINED]);
    await post(messageXml({ MsgType: 'event', Event: 'unsubscribe' }));
    await reply(ticketId, '您好');
    await dispatcher.drainOnce();
    await dispatcher.drainOnce(); // the note, queued during the first drain
    expect(fake.sent.map((s) => s.content)).toEqual([JOINED]);
    expect(
      h.desk.thread.some(
        (t) => t.ticketId === ticketId && t.text === h.texts.staff('unsubscribed', { channel: 'wechat_oa' }),
      ),
    ).toBe(true);
    expect(h.log.lines.join('\n')).toContain('message to worker not sent');
  });

  it('does not send after the 48-hour window closed, tells staff, delivers when the worker writes again', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wechat_oa', adapter.sender]]));
    await dispatcher.drainOnce();
    await claim(ticketId);
    await dispatcher.drainOnce(); // the notice goes out while the window is open
    expect(fake.sent.map((m) => m.content)).toEqual([JOINED]);
    h.clock.now += 49 * 3_600_000;
    await reply(ticketId, '还在吗');
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(fake.sent).toHaveLength(1);
    expect(
      h.desk.thread.some(
        (t) =>
          t.ticketId === ticketId && t.text.startsWith('Not delivered on wechat_oa: the platform only lets us message'),
      ),
    ).toBe(true);

    // The worker writes again: the held reply is delivered then.
    await post(textXml('你好，我回来了'));
    await adapter.idle();
    expect(fake.sent.map((m) => m.content)).toEqual([JOINED, '【工会工作人员】还在吗']);
  });

  it('stops at the 5-message allowance and treats WeChat 45015 as a closed window', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['wechat_oa', adapter.sender]]));
    await dispatcher.drainOnce();
    // Six messages for the worker: the "staff joined" notice counts toward the allowance like the five replies.
    await claim(ticketId);
    for (let i = 1; i <= 5; i += 1) await reply(ticketId, `消息${i}`);
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(fake.sent.map((m) => m.content)).toEqual([
      JOINED,
      '【工会工作人员】消息1',
      '【工会工作人员】消息2',
      '【工会工作人员】消息3',
      '【工会工作人员】消息4',
    ]);
    expect(h.desk.thread.some((t) => t.text === h.texts.staff('quota_exhausted', { channel: 'wechat_oa' }))).toBe(true);

    await post(textXml('我又来了')); // a new message opens a new allowance; the held sixth message goes out
    await adapter.idle();
    expect(fake.sent).toHaveLength(6);
    expect(fake.sent.map((m) => m.content).at(-1)).toBe('【工会工作人员】消息5');
    fake.nextErrcodes = [45015];
    await reply(ticketId, '收到');
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(fake.sent).toHaveLength(6);
    expect(
      h.desk.thread.filter((t) => t.text.startsWith('Not delivered on wechat_oa: the platform only lets us message')),
    ).toHaveLength(1);
  });
});
