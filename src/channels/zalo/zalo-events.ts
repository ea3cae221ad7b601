import { z } from 'zod';
import type { InboundMessage } from '../../conversation/types.js';

/** The fields of a Zalo OA webhook event this adapter reads; others are ignored. */
export const zaloEventSchema = z.looseObject({
  app_id: z.string().min(1),
  event_name: z.string().min(1),
  timestamp: z.union([z.string(), z.number()]).transform(String),
  sender: z.looseObject({ id: z.string().min(1) }).optional(),
  follower: z.looseObject({ id: z.string().min(1) }).optional(),
  message: z.looseObject({ msg_id: z.string().min(1).optional(), text: z.string().optional() }).optional(),
});
export type ZaloEvent = z.infer<typeof zaloEventSchema>;

export type ZaloAction =
  | { readonly type: 'message'; readonly inbound: InboundMessage }
  | { readonly type: 'follow'; readonly userId: string }
  | { readonly type: 'unfollow'; readonly userId: string }
  | { readonly type: 'ignore'; readonly why: string };

const KINDS: Readonly<Record<string, InboundMessage['kind']>> = {
  user_send_text: 'text',
  user_send_image: 'image',
  user_send_gif: 'image',
  user_send_file: 'file',
  user_send_audio: 'voice',
  user_send_video: 'video',
  user_send_sticker: 'sticker',
  user_send_location: 'other',
  user_send_link: 'other',
  user_send_business_card: 'other',
};

/** Translates one Zalo event to what the adapter does with it. */
export function translateZaloEvent(event: ZaloEvent): ZaloAction {
  if (event.event_name === 'follow' || event.event_name === 'unfollow') {
    const userId = event.follower?.id;
    if (!userId) return { type: 'ignore', why: `${event.event_name} without follower` };
    return { type: event.event_name, userId };
  }
  const kind = KINDS[event.event_name];
  if (!kind) return { type: 'ignore', why: event.event_name };
  const userId = event.sender?.id;
  const msgId = event.message?.msg_id;
  if (!userId || !msgId) return { type: 'ignore', why: `${event.event_name} without sender or msg_id` };
  const at = Number(event.timestamp);
  return {
    type: 'message',
    inbound: {
      channel: 'zalo',
      conversationId: userId,
      userId,
      messageId: msgId,
      kind,
      text: kind === 'text' ? (event.message?.text ?? '').trim() : '',
      timestamp: Number.isFinite(at) && at > 0 ? at : Date.now(),
    },
  };
}
