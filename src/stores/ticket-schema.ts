import { z } from 'zod';
import { CHANNEL_NAMES } from '../conversation/types.js';

/**
 * A stored ticket body, checked on the way in and out of the database by
 * both stores (a malformed body would break every later read of the open
 * tickets). Every channel name must be listed, or its tickets cannot load.
 */
export const storedTicketSchema = z.object({
  id: z.string(),
  channel: z.enum(CHANNEL_NAMES),
  conversationId: z.string(),
  language: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  category: z.enum(['urgent', 'person']),
  reasons: z.array(z.string()),
  summary: z.string(),
  transcript: z.array(z.object({ role: z.enum(['worker', 'bot', 'staff']), text: z.string(), at: z.number() })),
  citations: z.array(
    z.looseObject({
      law: z.string(),
      title: z.string(),
      excerpt: z.string(),
      score: z.number(),
      passageId: z.string(),
      label: z.string(),
      article: z.number().optional(),
    }),
  ),
  status: z.enum(['open', 'claimed', 'resolved']),
  owner: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  slack: z.object({ channel: z.string(), ts: z.string() }).optional(),
});

/** A stored conversation history (JSON column). */
export const storedHistorySchema = z.array(z.object({ role: z.enum(['worker', 'bot']), text: z.string() }));
