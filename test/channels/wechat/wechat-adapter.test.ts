import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types, type Message } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { wechatConversationId } from '../../../src/channels/wechat/conversation-id.js';
import { createWechatAdapter } from '../../../src/channels/wechat/wechat-adapter.js';
import { createConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import type { InboundMessage, OutboundReply } from '../../../src/conversation/types.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';

interface Sent {
  readonly text: string;
  readonly roomId?: string;
  readonly toId?: string;
}

const LONG_ANSWER = [
  '根据《中华人民共和国劳动合同法》第八十二条，用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。',
  '请保留工资条、考勤记录和工作群聊天记录，这些都可以证明劳动关系。',
  '如果单位拒绝支付，可以向当地劳动争议仲裁委员会申请仲裁，申请仲裁不收费。',
].join('');

/** A scripted conversation core: records what it receives, answers by keyword. */
const received: InboundMessage[] = [];
const fakePort = {
  async handle(msg: InboundMessage): Promise<OutboundReply[]> {
    received.push(msg);
    if (msg.kind !== 'text') return [{ text: `请用文字描述您的问题（收到的是 ${msg.kind}）` }];
    if (msg.text.includes('受伤')) return [{ text: '请先就医。已为您转接工会工作人员，工单号 T-URGENT。' }];
    if (msg.text.includes('长答案')) return [{ text: LONG_ANSWER }];
    const delay = /^第(\d)条$/.exec(msg.text);
    if (delay) await new Promise((r) => setTimeout(r, 120 - Number(delay[1]) * 40)); // first message answered slowest
    return [{ text: `答复：${msg.text}` }];
  },
};

const mocker = new mock.Mocker();
const adapter = createWechatAdapter({
  name: 'test-wechat-adapter',
  puppet: new PuppetMock({ mocker }),
  port: fakePort,
  roomAllowList: ['工会群'],
  maxMessageLength: 60,
  printQr: false,
});
const sent: Sent[] = [];
adapter.bot.on('message', (m: Message) => {
  if (!m.self()) return;
  const roomId = m.room()?.id;
  const toId = m.listener()?.id;
  sent.push({ text: m.text(), ...(roomId ? { roomId } : {}), ...(toId ? { toId } : {}) });
});
const me = mocker.createContact({ name: 'Bot' });
const worker = mocker.createContact({ name: '张三' });
const worker2 = mocker.createContact({ name: '李四' });
let messageSeq = 0;

/** Delivers a message of a non-text type (voice, image, ...) from a contact to the bot. */
function sendOfType(from: typeof worker, type: types.Message): void {
  const msg = mocker.MessageMock.create({
    id: `typed-${(messageSeq += 1)}`,
    talkerId: from.id,
    listenerId: me.id,
    timestamp: Date.now(),
    type,
  });
  mocker.puppet.emit('message', { messageId: msg.id });
}
const sentTo = (contactId: string) => sent.filter((s) => s.toId === contactId).map((s) => s.text);
const settle = () => new Promise((r) => setTimeout(r, 300));

beforeAll(async () => {
  await adapter.start();
  const loggedIn = new Promise((resolve) => adapter.bot.once('login', resolve));
  mocker.login(me); // do NOT await bot.ready(): it hangs with PuppetMock
  await loggedIn;
});
afterAll(() => adapter.stop());

describe('WeChat adapter (real Wechaty, mock puppet, scripted core)', () => {
  it('answers a private question with the text from the core', async () => {
    worker.say('没签合同怎么办').to(me);
    await expect.poll(() => sentTo(worker.id)).toContain('答复：没签合同怎么办');
    expect(received.at(-1)).toMatchObject({
      channel: 'wechat',
      kind: 'text',
      text: '没签合同怎么办',
      userId: worker.id,
      conversationId: `contact:${worker.id}`,
    });
    expect(received.at(-1)?.messageId).toBeTruthy();
  });

  it('sends the escalation reply of an urgent message', async () => {
    worker.say('我在车间受伤了').to(me);
    await expect.poll(() => sentTo(worker.id).some((s) => s.includes('工单号 T-URGENT'))).toBe(true);
  });

  it('maps voice, image, file, sticker and video messages to their kinds', async () => {
    const before = received.length;
    for (const type of [
      types.Message.Audio,
      types.Message.Image,
      types.Message.Attachment,
      types.Message.Emoticon,
      types.Message.Video,
      types.Message.Location,
    ])
      sendOfType(worker2, type);
    await expect.poll(() => received.length - before).toBe(6);
    expect(received.slice(before).map((m) => m.kind)).toEqual(['voice', 'image', 'file', 'sticker', 'video', 'other']);
    expect(received.slice(before).every((m) => m.text === '')).toBe(true);
    await expect.poll(() => sentTo(worker2.id)).toContain('请用文字描述您的问题（收到的是 voice）');
  });

  it('ignores system notices and official accounts', async () => {
    const before = received.length;
    sendOfType(worker2, types.Message.Unknown);
    sendOfType(worker2, types.Message.Recalled);
    mocker.createContact({ name: '某公众号', type: types.Contact.Official }).say('今日推送').to(me);
    await settle();
    expect(received.length).toBe(before);
  });

  it('in an allowed group, ignores messages without a mention, answers a mention, mentioning the worker', async () => {
    const room = mocker.createRoom({ topic: '工会群', memberIdList: [me.id, worker.id, worker2.id] });
    const before = received.length;
    worker.say('大家好，今天加班吗').to(room);
    await settle();
    expect(received.length).toBe(before);

    worker.say('@Bot 加班费怎么算', [me]).to(room);
    await expect
      .poll(() => sent.filter((s) => s.roomId === room.id).map((s) => s.text))
      .toContainEqual(expect.stringMatching(/^@张三.*答复：加班费怎么算$/su));
    expect(received.at(-1)).toMatchObject({
      text: '加班费怎么算',
      conversationId: wechatConversationId({ type: 'room', roomId: room.id, contactId: worker.id }),
    });
  });

  it('ignores a mention in a group that is not on the allow-list', async () => {
    const other = mocker.createRoom({ topic: '闲聊群', memberIdList: [me.id, worker.id] });
    const before = received.length;
    worker.say('@Bot 加班费怎么算', [me]).to(other);
    await settle();
    expect(received.length).toBe(before);
    expect(sent.some((s) => s.roomId === other.id)).toBe(false);
  });

  it('splits a long answer at sentence ends into WeChat-sized messages', async () => {
    const before = sent.length;
    worker.say('长答案').to(me);
    await expect.poll(() => sent.slice(before).join('').length).toBeGreaterThan(0);
    await expect
      .poll(() =>
        sent
          .slice(before)
          .map((s) => s.text)
          .join(''),
      )
      .toBe(LONG_ANSWER);
    const parts = sent.slice(before).map((s) => s.text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((p) => p.length <= 60)).toBe(true);
    expect(parts.join('\n')).toContain('《中华人民共和国劳动合同法》第八十二条');
  });

  it('answers one worker in order even when an earlier answer is slower', async () => {
    const before = sentTo(worker2.id).length;
    for (const text of ['第1条', '第2条', '第3条']) worker2.say(text).to(me);
    await expect.poll(() => sentTo(worker2.id).length - before).toBe(3);
    expect(sentTo(worker2.id).slice(before)).toEqual(['答复：第1条', '答复：第2条', '答复：第3条']);
  });

  it('delivers staff replies through the sender, to a contact and to a group member', async () => {
    await adapter.sender.send(`contact:${worker.id}`, '【工会工作人员】您好');
    await expect.poll(() => sentTo(worker.id)).toContain('【工会工作人员】您好');

    const room = mocker.createRoom({ topic: '工会群', memberIdList: [me.id, worker.id] });
    await adapter.sender.send(
      wechatConversationId({ type: 'room', roomId: room.id, contactId: worker.id }),
      '【工会工作人员】请私聊我',
    );
    await expect
      .poll(() => sent.filter((s) => s.roomId === room.id).map((s) => s.text))
      .toContainEqual(expect.stringMatching(/^@张三.*请私聊我$/su));
  });

  it('fails loudly when the conversation cannot be found, so the outbox retries', async () => {
    await expect(adapter.sender.send('contact:no-such-contact', 'x')).rejects.toThrow(/not found/);
    await expect(adapter.sender.send('http:u1', 'x')).rejects.toThrow(/not a WeChat conversation id/);
  });
});

describe('WeChat adapter with the real conversation core', () => {
  const coreMocker = new mock.Mocker();
  const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'wechat-')), 'db.sqlite'));
  const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices: loadNotices('knowledge') });
  const coreAdapter = createWechatAdapter({
    name: 'test-wechat-core',
    puppet: new PuppetMock({ mocker: coreMocker }),
    port: core,
    printQr: false,
  });
  const replies: string[] = [];
  coreAdapter.bot.on('message', (m: Message) => {
    if (m.self()) replies.push(m.text());
  });
  const bot = coreMocker.createContact({ name: 'Bot' });
  const injured = coreMocker.createContact({ name: '王五' });

  beforeAll(async () => {
    await coreAdapter.start();
    const loggedIn = new Promise((resolve) => coreAdapter.bot.once('login', resolve));
    coreMocker.login(bot);
    await loggedIn;
  });
  afterAll(() => coreAdapter.stop());

  it('opens a ticket for an urgent message and tells the worker its number', async () => {
    injured.say('我在车间受伤了').to(bot);
    await expect.poll(() => replies.some((s) => s.includes('工单号'))).toBe(true);
    const [ticket] = await store.listOpenTickets();
    expect(ticket).toMatchObject({ channel: 'wechat', conversationId: `contact:${injured.id}`, category: 'urgent' });
    expect(replies.join('')).toContain(ticket!.id);
  });
});

describe('WeChat adapter reconnect', () => {
  const rcMocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker: rcMocker });
  const rcAdapter = createWechatAdapter({
    name: 'test-wechat-reconnect',
    puppet,
    port: fakePort,
    printQr: false,
    reconnectDelayMs: 50,
  });
  let starts = 0;
  rcAdapter.bot.on('start', () => {
    starts += 1;
  });
  const account = rcMocker.createContact({ name: 'Bot' });

  afterAll(() => rcAdapter.stop());

  it('restarts the puppet when nothing logs in again after a logout', async () => {
    await rcAdapter.start();
    const loggedIn = new Promise((resolve) => rcAdapter.bot.once('login', resolve));
    rcMocker.login(account);
    await loggedIn;
    expect(starts).toBe(1);
    await puppet.logout('test');
    await expect.poll(() => starts, { timeout: 5000 }).toBe(2);
  });
});
