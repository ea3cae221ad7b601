/**
 * Conversation ids of the WeChat channel. A private chat is one conversation;
 * in a group every member who mentions the bot has their own conversation
 * (their own hand-off state and ticket), and replies to them mention them.
 *
 * Room and contact ids are URI-encoded in room conversation ids because some
 * puppets use `:` or `/` in ids (WeCom rooms look like `R:1069...`).
 */
export type WechatTarget =
  | { readonly type: 'contact'; readonly contactId: string }
  | { readonly type: 'room'; readonly roomId: string; readonly contactId?: string };

/** `contact:<id>` for a private chat, `room:<roomId>/<contactId>` for a member of a group. */
export function wechatConversationId(target: WechatTarget): string {
  if (target.type === 'contact') return `contact:${target.contactId}`;
  const member = target.contactId === undefined ? '' : `/${encodeURIComponent(target.contactId)}`;
  return `room:${encodeURIComponent(target.roomId)}${member}`;
}

/** Reads a conversation id written by {@link wechatConversationId}; undefined when it is not a WeChat id. */
export function parseWechatConversationId(conversationId: string): WechatTarget | undefined {
  if (conversationId.startsWith('contact:')) {
    const contactId = conversationId.slice('contact:'.length);
    return contactId ? { type: 'contact', contactId } : undefined;
  }
  if (conversationId.startsWith('room:')) {
    const [room, member] = conversationId.slice('room:'.length).split('/', 2);
    if (!room) return undefined;
    const roomId = decodeURIComponent(room);
    return member ? { type: 'room', roomId, contactId: decodeURIComponent(member) } : { type: 'room', roomId };
  }
  return undefined;
}
