import { types } from 'wechaty';
import type { InboundMessage } from '../../conversation/types.js';

/** Platform message types the worker sent on purpose, mapped to the core's kinds. */
const KIND_BY_TYPE = new Map<types.Message, InboundMessage['kind']>([
  [types.Message.Text, 'text'],
  [types.Message.Audio, 'voice'],
  [types.Message.Image, 'image'],
  [types.Message.Attachment, 'file'],
  [types.Message.Emoticon, 'sticker'],
  [types.Message.Video, 'video'],
]);

/**
 * Types that are not a worker talking (system notices, recalls, unparsed
 * events): answering them with "please write text" would be noise.
 */
const IGNORED = new Set<types.Message>([types.Message.Unknown, types.Message.Recalled, types.Message.GroupNote]);

/** The InboundMessage kind of a WeChat message type, or undefined when the message is to be ignored. */
export function messageKind(type: types.Message): InboundMessage['kind'] | undefined {
  if (IGNORED.has(type)) return undefined;
  return KIND_BY_TYPE.get(type) ?? 'other';
}
