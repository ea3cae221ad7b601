import type { InboundMessage } from '../../conversation/types.js';

/** What one WeChat callback asks the adapter to do. */
export type OaAction =
  | { readonly type: 'message'; readonly inbound: InboundMessage }
  | { readonly type: 'subscribe' }
  | { readonly type: 'unsubscribe' }
  | { readonly type: 'handoff' }
  | { readonly type: 'ignore'; readonly why: string };

const KINDS: Readonly<Record<string, InboundMessage['kind']>> = {
  text: 'text',
  voice: 'voice',
  image: 'image',
  file: 'file',
  video: 'video',
  shortvideo: 'video',
  location: 'other',
  link: 'other',
};

/** Key that identifies one callback across WeChat's retries: MsgId, or sender + time + event for events. */
export function dedupeKey(fields: Readonly<Record<string, string>>): string {
  return fields.MsgId
    ? `msg:${fields.MsgId}`
    : `event:${fields.FromUserName ?? ''}:${fields.CreateTime ?? ''}:${fields.Event ?? ''}:${fields.EventKey ?? ''}`;
}

/**
 * Translates a decrypted WeChat message or event. Voice becomes text when
 * the account has speech recognition on (the `Recognition` field); other
 * media keep their kind (the core asks for text).
 */
export function translateOaMessage(fields: Readonly<Record<string, string>>, handoffEventKey: string): OaAction {
  const openId = fields.FromUserName;
  if (!openId) return { type: 'ignore', why: 'no FromUserName' };
  const msgType = fields.MsgType ?? '';
  if (msgType === 'event') {
    const event = (fields.Event ?? '').toLowerCase();
    if (event === 'subscribe') return { type: 'subscribe' };
    if (event === 'unsubscribe') return { type: 'unsubscribe' };
    if (event === 'click' && fields.EventKey === handoffEventKey) return { type: 'handoff' };
    return { type: 'ignore', why: `event ${event}` };
  }
  const kind = KINDS[msgType];
  if (!kind) return { type: 'ignore', why: `message type ${msgType}` };
  const recognition = (fields.Recognition ?? '').trim();
  const asText = kind === 'text' || (kind === 'voice' && recognition !== '');
  const createdSeconds = Number(fields.CreateTime);
  return {
    type: 'message',
    inbound: {
      channel: 'wechat_oa',
      conversationId: openId,
      userId: openId,
      messageId: fields.MsgId ?? dedupeKey(fields),
      kind: asText ? 'text' : kind,
      text: kind === 'text' ? (fields.Content ?? '').trim() : asText ? recognition : '',
      timestamp: Number.isFinite(createdSeconds) && createdSeconds > 0 ? createdSeconds * 1000 : Date.now(),
    },
  };
}
