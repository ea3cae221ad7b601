import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Message } from 'wechaty';
import { createWechatAdapter } from '../../../src/channels/wechat/wechat-adapter.js';
import { splitMessage } from '../../../src/channels/wechat/split-message.js';
import type { InboundMessage, OutboundReply } from '../../../src/conversation/types.js';
import { createConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const received: InboundMessage[] = [];
const sent: string[] = [];
const mocker = new mock.Mocker();
// The real conversation core and SQLite store behind the adapter; only the answers are scripted.
const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'wechat-')), 'db.sqlite'));
const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices: loadNotices('knowledge') });
const port = {
  async handle(msg: InboundMessage): Promise<OutboundReply[]> {
    received.push(msg);
    if (msg.text.includes('长')) return [{ text: '第一句。'.repeat(60) }];
    return core.handle(msg);
  },
};
const adapter = createWechatAdapter({ wechaty: { name: 'test-bot', puppet: new PuppetMock({ mocker }) }, port, maxMessageLength: 100, printQr: false });
adapter.bot.on('message', (m: Message) => {
  if (m.self()) sent.push(m.text());
});
const me = mocker.createContact({ name: 'Bot' });
const worker = mocker.createContact({ name: '张三' });

beforeAll(async () => {
  await adapter.start();
  const loggedIn = new Promise((resolve) => adapter.bot.once('login', resolve));
  mocker.login(me);
  await loggedIn;
});
afterAll(() => adapter.stop());

describe('WeChat adapter (real Wechaty, mock puppet)', () => {
  it('answers a private question with the cited answer', async () => {
    worker.say('没签合同怎么办').to(me);
    await expect.poll(() => sent).toContain('answer to: 没签合同怎么办');
    expect(received.at(-1)).toMatchObject({ channel: 'wechat', kind: 'text', text: '没签合同怎么办', conversationId: `contact:${worker.id}` });
  });

  it('opens a ticket for an urgent message and tells the worker its number', async () => {
    worker.say('我在车间受伤了').to(me);
    await expect.poll(() => sent.some((s) => s.includes('工单号'))).toBe(true);
    const [ticket] = await store.listOpenTickets();
    expect(ticket).toMatchObject({ channel: 'wechat', conversationId: `contact:${worker.id}`, category: 'urgent' });
  });

  it('ignores a group message without a mention', async () => {
    const room = mocker.createRoom({ topic: '工友群', memberIdList: [me.id, worker.id] });
    const before = received.length;
    worker.say('大家好，今天加班吗').to(room);
    await new Promise((r) => setTimeout(r, 300));
    expect(received.length).toBe(before);
  });

  it('splits a long answer into WeChat-sized messages', async () => {
    const before = sent.length;
    worker.say('长答案').to(me);
    await expect.poll(() => sent.length - before).toBeGreaterThanOrEqual(3);
    expect(sent.slice(before).every((s) => s.length <= 100)).toBe(true);
  });

  it('sends a staff reply to the worker through the sender', async () => {
    await adapter.sender.send(`contact:${worker.id}`, '【工会工作人员】您好');
    await expect.poll(() => sent).toContain('【工会工作人员】您好');
  });
});

describe('splitMessage', () => {
  it('keeps short messages whole and splits long ones at sentence ends', () => {
    expect(splitMessage('短。', 10)).toEqual(['短。']);
    const parts = splitMessage('一二三四五。六七八九十。甲乙丙丁戊。', 12);
    expect(parts).toEqual(['一二三四五。六七八九十。', '甲乙丙丁戊。']);
  });
  it('cuts a single over-long sentence without losing text', () => {
    const text = 'a'.repeat(250);
    const parts = splitMessage(text, 100);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
  });
});
