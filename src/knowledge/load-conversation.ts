import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

const text = z.string().min(1);

/** One language's conversation notices (ticket opened, staff joined, rate limited, ...). */
export const noticeSetSchema = z.object({
  ticket_opened: text,
  forwarded: text,
  staff_joined: text,
  staff_reply: text,
  resolved: text,
  rate_limited: text,
  not_text: text,
  engine_error: text,
  ticket_limited: text,
  data_erased: text,
});
export type NoticeSet = z.infer<typeof noticeSetSchema>;

/** `conversation/notices.json`: one set per language and script. */
export const noticesSchema = z.object({ 'zh-Hans': noticeSetSchema, 'zh-Hant': noticeSetSchema, vi: noticeSetSchema });

const feedbackSetSchema = z.object({ ask: text, thanks_helpful: text, thanks_not_helpful: text });

/** `conversation/feedback.json`: the "did this help?" question and the thanks. */
export const feedbackSchema = z.object({
  'zh-Hans': feedbackSetSchema,
  'zh-Hant': feedbackSetSchema,
  vi: feedbackSetSchema,
});

/** `conversation/erase-commands.json`: a worker's "delete my data" phrases. */
export const eraseCommandsSchema = z.object({ phrases: z.array(text).min(1) });

/** Everything under knowledge/conversation. */
export interface ConversationKnowledge {
  readonly notices: z.infer<typeof noticesSchema>;
  readonly feedback: z.infer<typeof feedbackSchema>;
  readonly eraseCommands: z.infer<typeof eraseCommandsSchema>;
}

const file = (knowledgeDir: string, name: string) => join(knowledgeDir, 'conversation', name);

export const loadNoticeTexts = (knowledgeDir: string) =>
  readJsonFile(file(knowledgeDir, 'notices.json'), noticesSchema);
export const loadFeedback = (knowledgeDir: string) => readJsonFile(file(knowledgeDir, 'feedback.json'), feedbackSchema);
export const loadEraseCommandPhrases = (knowledgeDir: string) =>
  readJsonFile(file(knowledgeDir, 'erase-commands.json'), eraseCommandsSchema);

/** Loads knowledge/conversation. */
export function loadConversation(knowledgeDir: string): ConversationKnowledge {
  return {
    notices: loadNoticeTexts(knowledgeDir),
    feedback: loadFeedback(knowledgeDir),
    eraseCommands: loadEraseCommandPhrases(knowledgeDir),
  };
}
