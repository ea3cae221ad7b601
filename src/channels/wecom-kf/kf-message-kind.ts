import type { InboundMessage } from '../../conversation/types.js';

const KINDS: Readonly<Record<string, InboundMessage['kind']>> = {
  text: 'text',
  image: 'image',
  voice: 'voice',
  video: 'video',
  file: 'file',
};

/** The core's kind for a 微信客服 msgtype (location, link, business card, mini program...: other). */
export const kfMessageKind = (msgtype: string): InboundMessage['kind'] => KINDS[msgtype] ?? 'other';
