import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/types.js';
import { toTraditional } from '../language/script.js';

const noticeSetSchema = z.object({
  ticket_opened: z.string().min(1),
  forwarded: z.string().min(1),
  staff_joined: z.string().min(1),
  staff_reply: z.string().min(1),
  resolved: z.string().min(1),
  rate_limited: z.string().min(1),
  not_text: z.string().min(1),
  engine_error: z.string().min(1),
  ticket_limited: z.string().min(1),
  data_erased: z.string().min(1),
});
const noticesSchema = z.object({ 'zh-Hans': noticeSetSchema, 'zh-Hant': noticeSetSchema, vi: noticeSetSchema });

/** Notice keys, for validating outbox payloads. */
export const NOTICE_KEYS = noticeSetSchema.keyof().options;
export type NoticeKey = keyof z.infer<typeof noticeSetSchema>;

/** Renders a conversation notice in the worker's language and script. */
export type NoticeRenderer = (key: NoticeKey, lang: Lang, values?: Readonly<Record<string, string>>) => string;

/** Loads `knowledge/conversation/notices.json` (one set per language and script). */
export function loadNotices(knowledgeDir: string): NoticeRenderer {
  const path = join(knowledgeDir, 'conversation', 'notices.json');
  const parsed = noticesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid notices in ${path}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const notices = parsed.data;
  return (key, lang, values = {}) =>
    notices[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      // Staff usually type Simplified: a Traditional-script worker reads it in Traditional.
      return lang === 'zh-Hant' ? toTraditional(value) : value;
    });
}
