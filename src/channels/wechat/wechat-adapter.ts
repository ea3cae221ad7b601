import { createHash } from 'node:crypto';
import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, types, WechatyBuilder, type Message, type Wechaty, type WechatyOptions } from 'wechaty';
import type { InboundMessage, OutboundReply, WorkerSender } from '../../conversation/types.js';
import type { Logger } from '../../shared/logger.js';
import { splitMessage } from './split-message.js';

/** What the adapter needs from the conversation core. */
export interface WechatPort {
  handle(msg: InboundMessage): Promise<OutboundReply[]>;
}

export interface WechatAdapterSettings {
  /** Wechaty options: a puppet name with its options, or a puppet instance (tests pass wechaty-puppet-mock). */
  readonly wechaty: WechatyOptions;
  readonly port: WechatPort;
  /** Room ids or topics the bot answers in; empty = every room (when mentioned). */
  readonly roomAllowList?: readonly string[];
  readonly maxMessageLength?: number;
  readonly logger?: Logger;
  /** Print the login QR code in the terminal. @default true */
  readonly printQr?: boolean;
}

const KIND_BY_TYPE = new Map<types.Message, InboundMessage['kind']>([
  [types.Message.Text, 'text'],
  [types.Message.Audio, 'voice'],
  [types.Message.Image, 'image'],
  [types.Message.Attachment, 'file'],
  [types.Message.Emoticon, 'sticker'],
  [types.Message.Video, 'video'],
]);

/** Contact ids in logs are hashed: they identify a worker. */
const hashId = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 10);

/**
 * WeChat channel on wechaty 1.x. Private chats are answered; in rooms only
 * messages that mention the bot (and only in allowed rooms). Replies are
 * split at WeChat's message size. Reconnects after logout by restarting the
 * puppet. Knows nothing of retrieval: it translates messages only.
 */
export function createWechatAdapter(settings: WechatAdapterSettings): { bot: Wechaty; start(): Promise<void>; stop(): Promise<void>; sender: WorkerSender } {
  const bot = WechatyBuilder.build(settings.wechaty);
  const log = settings.logger;
  const maxLength = settings.maxMessageLength ?? 1800;
  const allow = settings.roomAllowList ?? [];

  async function say(target: { say(text: string): Promise<unknown> }, text: string): Promise<void> {
    for (const part of splitMessage(text, maxLength)) await target.say(part);
  }

  async function onMessage(message: Message): Promise<void> {
    if (message.self()) return;
    const room = message.room();
    if (room) {
      if (!(await message.mentionSelf())) return;
      if (allow.length > 0) {
        const topic = await room.topic();
        if (!allow.includes(room.id) && !allow.includes(topic)) return;
      }
    }
    const talker = message.talker();
    const kind = KIND_BY_TYPE.get(message.type()) ?? 'other';
    let text = kind === 'text' ? message.text() : '';
    if (room && kind === 'text') text = (await message.mentionText()).trim();
    const inbound: InboundMessage = {
      channel: 'wechat',
      conversationId: room ? `room:${room.id}` : `contact:${talker.id}`,
      userId: talker.id,
      messageId: message.id,
      kind,
      text,
      timestamp: message.date().getTime(),
    };
    const replies = await settings.port.handle(inbound);
    for (const reply of replies) await say(room ?? talker, reply.text);
  }

  bot.on('scan', (qrcode, status) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      log?.warn('WeChat login: scan the QR code below with the bot account');
      if (settings.printQr !== false) qrcodeTerminal.generate(qrcode, { small: true });
    }
  });
  bot.on('login', (user) => log?.warn({ account: hashId(user.id) }, 'WeChat logged in'));
  bot.on('logout', (user, reason) => {
    log?.warn({ account: hashId(user.id), reason }, 'WeChat logged out; restarting to log in again');
    // Reconnect: a new login QR code is printed.
    setTimeout(() => void bot.stop().then(() => bot.start()).catch((error: unknown) => log?.error({ err: String(error) }, 'WeChat restart failed')), 1000);
  });
  bot.on('error', (error) => log?.error({ err: error.message }, 'WeChat error'));
  bot.on('message', (message) => {
    onMessage(message).catch((error: unknown) => log?.error({ err: error instanceof Error ? error.message : String(error) }, 'WeChat message handling failed'));
  });

  const sender: WorkerSender = {
    channel: 'wechat',
    async send(conversationId, text) {
      if (conversationId.startsWith('room:')) {
        const room = await bot.Room.find({ id: conversationId.slice(5) });
        if (!room) throw new Error('room not found');
        await say(room, text);
        return;
      }
      const contact = await bot.Contact.find({ id: conversationId.replace(/^contact:/, '') });
      if (!contact) throw new Error('contact not found');
      await say(contact, text);
    },
  };

  return { bot, start: () => bot.start(), stop: () => bot.stop(), sender };
}
