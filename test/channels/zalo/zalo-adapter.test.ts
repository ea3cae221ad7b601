import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformChannel } from '../../../src/channels/platform-common/channel-adapter.js';
import { createZaloAdapter } from '../../../src/channels/zalo/zalo-adapter.js';
import {
  createChannelHarness,
  harnessAdapterSettings,
  listenChannel,
  type ChannelHarness,
} from '../../helpers/channel-harness.js';
import { FakeZaloServer } from '../../helpers/fake-zalo-server.js';

const APP_ID = '4318202851213211111';
const APP_SECRET = 'zalo-app-secret-xyz';
const OA_SECRET = 'oa-secret-key-abc123';
const USER = '2512523625412515';
const OA = '388613280878808645';

let h: ChannelHarness;
let fake: FakeZaloServer;
let adapter: PlatformChannel;
let server: FastifyInstance;
let url: string;
let seq = 0;

async function start(options: { accessToken?: string } = {}): Promise<void> {
  adapter = createZaloAdapter({
    appId: APP_ID,
    appSecret: APP_SECRET,
    oaSecretKey: OA_SECRET,
    refreshToken: 'REFRESH-0',
    ...(options.accessToken ? { accessToken: options.accessToken } : {}),
    apiBase: fake.baseUrl,
    oauthBase: fake.baseUrl,
    replyWindowMs: 48 * 3_600_000,
    replyQuota: 8,
    language: 'vi',
    maxMessageLength: 2000,
    siteVerification: 'AbCd1234',
    ...harnessAdapterSettings(h),
  });
  const listening = await listenChannel(adapter);
  server = listening.server;
  url = `${listening.origin}`;
}

function textEvent(text: string, msgId = `msg${(seq += 1)}`): Record<string, unknown> {
  return {
    app_id: APP_ID,
    user_id_by_app: '552177279717587730',
    event_name: 'user_send_text',
    timestamp: String(h.clock.now),
    sender: { id: USER },
    recipient: { id: OA },
    message: { text, msg_id: msgId },
  };
}

/**
 * Posts an event as Zalo does: the signature is
 * sha256(app_id + body + timestamp + OA secret key), computed here
 * independently of src/.
 */
async function webhook(event: Record<string, unknown>, options: { secret?: string } = {}): Promise<number> {
  const body = JSON.stringify(event);
  const mac = createHash('sha256')
    .update(`${String(event.app_id)}${body}${String(event.timestamp)}${options.secret ?? OA_SECRET}`)
    .digest('hex');
  const response = await fetch(`${url}/channels/zalo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` },
    body,
  });
  await response.text();
  return response.status;
}

beforeEach(async () => {
  h = createChannelHarness();
  fake = new FakeZaloServer(APP_ID, APP_SECRET, 'REFRESH-0');
  await fake.start();
});

afterEach(async () => {
  await adapter.stop();
  await server.close();
  await fake.stop();
  await h.close();
});

describe('Zalo OA: webhook', () => {
  it('serves the domain verification file and answers the URL check', async () => {
    await start();
    const file = await fetch(`${url}/zalo_verifierAbCd1234.html`);
    expect(await file.text()).toContain('<meta name="zalo-platform-site-verification" content="AbCd1234" />');
    expect((await fetch(`${url}/channels/zalo`)).status).toBe(200);
  });

  it('answers a signed text message through the OA API, refreshing the token from the refresh token', async () => {
    await start();
    expect(await webhook(textEvent('Công ty nợ lương hai tháng'))).toBe(200);
    await adapter.idle();
    expect(h.engine.requests[0]?.text).toBe('Công ty nợ lương hai tháng');
    expect(fake.sent).toEqual([{ userId: USER, text: 'answer to: Công ty nợ lương hai tháng', token: 'ACCESS-1' }]);
    expect(fake.refreshes).toBe(1);
  });

  it('rejects a bad signature (401), answers nothing and logs no message text', async () => {
    await start();
    expect(await webhook(textEvent('Tôi bị đánh ở xưởng'), { secret: 'not-the-secret' })).toBe(401);
    await adapter.idle();
    expect(h.engine.requests).toHaveLength(0);
    expect(fake.sent).toHaveLength(0);
    const logged = h.log.lines.join('\n');
    expect(logged).toContain('Zalo webhook rejected');
    expect(logged).not.toContain('xưởng');
  });

  it('answers a redelivered event once (msg_id)', async () => {
    await start();
    const event = textEvent('Làm thêm giờ tối đa bao nhiêu', 'dup-1');
    await webhook(event);
    await webhook(event);
    await adapter.idle();
    expect(h.engine.requests).toHaveLength(1);
    expect(fake.sent).toHaveLength(1);
  });

  it('welcomes a new follower in Vietnamese and asks for text when an image is sent', async () => {
    await start();
    await webhook({
      app_id: APP_ID,
      event_name: 'follow',
      timestamp: String(h.clock.now),
      oa_id: OA,
      follower: { id: USER },
      source: 'oa_profile',
    });
    await webhook({
      app_id: APP_ID,
      event_name: 'user_send_image',
      timestamp: String(h.clock.now),
      sender: { id: USER },
      recipient: { id: OA },
      message: { msg_id: 'img-1', attachments: [{ type: 'image', payload: { url: 'https://example.invalid/a.jpg' } }] },
    });
    await adapter.idle();
    expect(fake.sent.map((s) => s.text)).toEqual([
      h.texts.worker('welcome', 'vi'),
      expect.stringContaining('Bạn hãy nhập câu hỏi bằng chữ'),
    ]);
  });
});

describe('Zalo OA: tokens and the staff desk', () => {
  /** The "staff joined" notice the worker gets when staff claim the ticket (knowledge/conversation/notices.json). */
  const JOINED = 'Cán bộ công đoàn đã tiếp nhận trường hợp của bạn và sẽ liên hệ tại đây.';

  async function openTicket(): Promise<string> {
    await webhook(textEvent('Tôi muốn gặp cán bộ công đoàn'));
    await adapter.idle();
    const [ticket] = await h.core.listOpenTickets();
    if (!ticket) throw new Error('no ticket');
    return ticket.id;
  }

  it('refreshes an expired access token once, keeping the rotated refresh token', async () => {
    await start();
    await webhook(textEvent('Câu hỏi một'));
    await adapter.idle();
    fake.expireAccessTokens();
    await webhook(textEvent('Câu hỏi hai'));
    await adapter.idle();
    expect(fake.refreshes).toBe(2);
    expect(fake.sent.map((s) => s.token)).toEqual(['ACCESS-1', 'ACCESS-2']);
    expect(JSON.parse(h.state.get('zalo:tokens') ?? '{}')).toMatchObject({
      refreshToken: 'REFRESH-2',
      accessToken: 'ACCESS-2',
    });
  });

  it('delivers a staff reply on Zalo, retrying a failed send through the outbox', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['zalo', adapter.sender]]));
    await dispatcher.drainOnce();
    // Only the owner may reply: claim first, which tells the worker staff joined.
    expect((await h.core.claim(ticketId, 'U_STAFF')).ok).toBe(true);
    await dispatcher.drainOnce();
    expect(fake.sent.at(-1)).toMatchObject({ userId: USER, text: JOINED });
    const before = fake.sent.length;
    expect(await h.core.staffReply(ticketId, 'U_STAFF', 'Chúng tôi sẽ gọi lại cho bạn')).toEqual({ ok: true });
    fake.failNextSends = 1;
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(fake.sent.some((s) => s.text.includes('gọi lại'))).toBe(false);
    expect(h.log.lines.join('\n')).toContain('outbox delivery failed; will retry');
    // The harness dispatcher has retryBaseMs 0: the failed item is due again at once (retryAt = now + 0).
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(fake.sent.slice(before)).toEqual([
      expect.objectContaining({ userId: USER, text: '[Cán bộ công đoàn] Chúng tôi sẽ gọi lại cho bạn' }),
    ]);
  });

  it('skips sends to a worker who unfollowed and after the window, with notes for staff', async () => {
    await start();
    const ticketId = await openTicket();
    const dispatcher = h.dispatcher(new Map([['zalo', adapter.sender]]));
    await dispatcher.drainOnce();
    expect((await h.core.claim(ticketId, 'U_STAFF')).ok).toBe(true);
    await dispatcher.drainOnce(); // the "staff joined" notice goes out while the window is open
    expect(fake.sent.at(-1)?.text).toBe(JOINED);
    const before = fake.sent.length;
    h.clock.now += 49 * 3_600_000;
    expect(await h.core.staffReply(ticketId, 'U_STAFF', 'Bạn còn cần hỗ trợ không')).toEqual({ ok: true });
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    await webhook({
      app_id: APP_ID,
      event_name: 'unfollow',
      timestamp: String(h.clock.now),
      oa_id: OA,
      follower: { id: USER },
    });
    await adapter.idle();
    expect(await h.core.staffReply(ticketId, 'U_STAFF', 'Xin chào')).toEqual({ ok: true });
    await dispatcher.drainOnce();
    await dispatcher.drainOnce();
    expect(fake.sent).toHaveLength(before);
    const notes = h.desk.thread.map((t) => t.text);
    expect(notes.some((t) => t.startsWith('Not delivered on zalo: the platform only lets us message'))).toBe(true);
    expect(notes).toContain(h.texts.staff('unsubscribed', { channel: 'zalo' }));
  });
});
