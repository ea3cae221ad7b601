import { describe, expect, it } from 'vitest';
import { parseWechatConversationId, wechatConversationId } from '../../../src/channels/wechat/conversation-id.js';

describe('WeChat conversation ids', () => {
  it('round-trips private chats and group members, including ids with : and /', () => {
    const targets = [
      { type: 'contact', contactId: '@abc123' },
      { type: 'room', roomId: '@@f00', contactId: '@abc' },
      { type: 'room', roomId: 'R:10696051737544800', contactId: '7881300085912345' },
      { type: 'room', roomId: 'a/b:c', contactId: 'x/y' },
      { type: 'room', roomId: '12345@chatroom' },
    ] as const;
    for (const target of targets) expect(parseWechatConversationId(wechatConversationId(target))).toEqual(target);
  });

  it('keeps private chat ids readable and rejects other channels', () => {
    expect(wechatConversationId({ type: 'contact', contactId: 'wxid_1' })).toBe('contact:wxid_1');
    expect(parseWechatConversationId('http:u1')).toBeUndefined();
    expect(parseWechatConversationId('contact:')).toBeUndefined();
  });
});
