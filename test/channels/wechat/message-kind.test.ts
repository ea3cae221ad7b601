import { types } from 'wechaty';
import { describe, expect, it } from 'vitest';
import { messageKind } from '../../../src/channels/wechat/message-kind.js';

describe('messageKind', () => {
  it('maps media to kinds, other worker content to other, and ignores system notices', () => {
    expect(messageKind(types.Message.Text)).toBe('text');
    expect(messageKind(types.Message.Audio)).toBe('voice');
    expect(messageKind(types.Message.Emoticon)).toBe('sticker');
    expect(messageKind(types.Message.Url)).toBe('other');
    expect(messageKind(types.Message.Recalled)).toBeUndefined();
    expect(messageKind(types.Message.Unknown)).toBeUndefined();
  });
});
