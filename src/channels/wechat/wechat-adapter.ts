import { errorText } from '../../shared/error-text.js';
import { hashId } from '../platform-common/hash-id.js';
import qrcodeTerminal from 'qrcode-terminal';
import {
  ScanStatus,
  types,
  WechatyBuilder,
  type Contact,
  type Message,
  type Room,
  type Wechaty,
  type WechatyOptions,
} from 'wechaty';
import type { InboundMessage, OutboundReply, WorkerSender } from '../../conversation/types.js';
import type { Logger } from '../../shared/logger.js';
import { parseWechatConversationId, wechatConversationId } from './conversation-id.js';
import { KeyedQueue } from './keyed-queue.js';
import { messageKind } from './message-kind.js';
import { splitMessage } from './split-message.js';

/** What the adapter needs from the conversation core. */
export interface WechatPort {
  handle(msg: InboundMessage): Promise<OutboundReply[]>;
}

type PuppetOption = NonNullable<WechatyOptions['puppet']>;
/** A puppet instance (tests pass wechaty-puppet-mock's PuppetMock). */
export type WechatPuppetInstance = Exclude<PuppetOption, string>;

export interface WechatAdapterSettings {
  /** Puppet npm name (`wechaty-puppet-wechat4u`, `wechaty-puppet-service`, ...) or a puppet instance. */
  readonly puppet: string | WechatPuppetInstance;
  /** Token of a token-based puppet (puppet service, WeCom); passed as `puppetOptions.token`. */
  readonly puppetToken?: string;
  /** Wechaty name: also the name of the session file (`<name>.memory-card.json`) that keeps the login. */
  readonly name?: string;
  readonly port: WechatPort;
  /** Room ids or topics the bot answers in (when mentioned); empty or absent = every room. */
  readonly roomAllowList?: readonly string[];
  /** Longest single WeChat message; longer replies are split. @default 1800 */
  readonly maxMessageLength?: number;
  readonly logger?: Logger;
  /** Print the login QR code in the terminal. @default true */
  readonly printQr?: boolean;
  /**
   * After a logout, restart the puppet if it has not started a new login by
   * itself within this time (wechat4u does; others may not). @default 30000
   */
  readonly reconnectDelayMs?: number;
}

export interface WechatAdapter {
  /** The underlying Wechaty instance (for tests and plugins). */
  readonly bot: Wechaty;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends staff replies and notices to a worker's conversation. */
  readonly sender: WorkerSender;
}

/** Room mentions ("@name ") take room in the first message part. */
const MENTION_ALLOWANCE = 40;

/** Ids in logs are hashed: a contact id identifies a worker. */

function wechatyOptions(settings: WechatAdapterSettings): WechatyOptions {
  const name = settings.name ?? 'gonghui-bot';
  if (typeof settings.puppet !== 'string') return { name, puppet: settings.puppet };
  // Wechaty's type lists only official puppet names, but it loads any installed `wechaty-puppet-*` package.
  const puppet = settings.puppet as Extract<PuppetOption, string>;
  return { name, puppet, ...(settings.puppetToken ? { puppetOptions: { token: settings.puppetToken } } : {}) };
}

/**
 * WeChat channel on wechaty 1.x. Private chats are answered; in groups only
 * messages that mention the bot, and only in allowed rooms. Non-text messages
 * reach the core as their kind (it asks for text). Replies are split at
 * WeChat's message size. Messages of one conversation are handled in order.
 * Logs carry hashed ids and never message text. Knows nothing of retrieval.
 */
export function createWechatAdapter(settings: WechatAdapterSettings): WechatAdapter {
  const bot = WechatyBuilder.build(wechatyOptions(settings));
  const log = settings.logger;
  const maxLength = settings.maxMessageLength ?? 1800;
  const allow = new Set(settings.roomAllowList ?? []);
  const reconnectDelay = settings.reconnectDelayMs ?? 30_000;
  const queue = new KeyedQueue();
  let stopping = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  async function sayTo(contact: Contact, text: string): Promise<void> {
    for (const part of splitMessage(text, maxLength)) await contact.say(part);
  }

  /** Says `text` in a group; the first part @-mentions the member it is for. */
  async function sayInRoom(room: Room, text: string, member?: Contact): Promise<void> {
    const parts = splitMessage(text, member ? maxLength - MENTION_ALLOWANCE : maxLength);
    for (const [index, part] of parts.entries()) {
      if (member && index === 0) await room.say(part, member);
      else await room.say(part);
    }
  }

  async function inAllowedRoom(room: Room): Promise<boolean> {
    if (allow.size === 0 || allow.has(room.id)) return true;
    return allow.has(await room.topic());
  }

  async function toInbound(
    message: Message,
  ): Promise<{ inbound: InboundMessage; room?: Room; talker: Contact } | undefined> {
    if (message.self()) return undefined;
    const talker = message.talker();
    if (talker.type() === types.Contact.Official) return undefined; // official accounts push articles, not questions
    const kind = messageKind(message.type());
    if (!kind) return undefined;
    const room = message.room();
    if (room && (!(await message.mentionSelf()) || !(await inAllowedRoom(room)))) return undefined;
    const text = kind !== 'text' ? '' : room ? (await message.mentionText()).trim() : message.text().trim();
    const conversationId = room
      ? wechatConversationId({ type: 'room', roomId: room.id, contactId: talker.id })
      : wechatConversationId({ type: 'contact', contactId: talker.id });
    const inbound: InboundMessage = {
      channel: 'wechat',
      conversationId,
      userId: talker.id,
      messageId: message.id,
      kind,
      text,
      timestamp: message.date().getTime(),
    };
    return room ? { inbound, room, talker } : { inbound, talker };
  }

  async function onMessage(message: Message): Promise<void> {
    const translated = await toInbound(message);
    if (!translated) return;
    const { inbound, room, talker } = translated;
    await queue.run(inbound.conversationId, async () => {
      log?.debug(
        { conversation: hashId(inbound.conversationId), kind: inbound.kind, room: room !== undefined },
        'WeChat message',
      );
      const replies = await settings.port.handle(inbound);
      for (const reply of replies) await (room ? sayInRoom(room, reply.text, talker) : sayTo(talker, reply.text));
    });
  }

  function cancelReconnect(): void {
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
  }

  async function restart(): Promise<void> {
    log?.warn('WeChat: no new login started after logout; restarting the puppet');
    await bot.stop();
    if (!stopping) await bot.start();
  }

  bot.on('scan', (qrcode, status) => {
    cancelReconnect(); // the puppet is logging in again by itself
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      log?.warn('WeChat login: scan the QR code below with the bot account (WeChat > Me > Scan)');
      if (settings.printQr !== false) qrcodeTerminal.generate(qrcode, { small: true });
    } else if (status === ScanStatus.Scanned) {
      log?.warn('WeChat login: QR code scanned; confirm on the phone');
    }
  });
  bot.on('login', (user) => {
    cancelReconnect();
    log?.warn({ account: hashId(user.id) }, 'WeChat logged in');
  });
  bot.on('logout', (user, reason) => {
    log?.warn({ account: hashId(user.id), reason }, 'WeChat logged out');
    if (stopping) return;
    cancelReconnect();
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      if (!stopping && !bot.isLoggedIn)
        restart().catch((error: unknown) => log?.error({ err: errorText(error) }, 'WeChat restart failed'));
    }, reconnectDelay);
    reconnectTimer.unref();
  });
  bot.on('error', (error) => log?.error({ err: errorText(error) }, 'WeChat error'));
  bot.on('message', (message) => {
    onMessage(message).catch((error: unknown) =>
      log?.error({ err: errorText(error) }, 'WeChat message handling failed'),
    );
  });

  const sender: WorkerSender = {
    channel: 'wechat',
    async send(conversationId, text) {
      const target = parseWechatConversationId(conversationId);
      if (!target) throw new Error(`not a WeChat conversation id: ${conversationId.split(':')[0]}`);
      // wechat4u ids change at every login: a conversation from before a re-login cannot be found.
      if (target.type === 'contact') {
        const contact = await bot.Contact.find({ id: target.contactId });
        if (!contact) throw new Error('WeChat contact not found (logged out, or ids changed after a new login)');
        await sayTo(contact, text);
        return;
      }
      const room = await bot.Room.find({ id: target.roomId });
      if (!room) throw new Error('WeChat room not found (bot removed, or ids changed after a new login)');
      const member = target.contactId ? await bot.Contact.find({ id: target.contactId }) : undefined;
      await sayInRoom(room, text, member);
    },
  };

  return {
    bot,
    async start() {
      stopping = false;
      await bot.start();
    },
    async stop() {
      stopping = true;
      cancelReconnect();
      await bot.stop();
    },
    sender,
  };
}
