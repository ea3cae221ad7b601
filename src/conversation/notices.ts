import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/types.js';
import { toTraditional } from '../language/script.js';

const noticeSetSchema = z.object({
  ticket_opened: z.string(),
  forwarded: z.string(),
  staff_joined: z.string(),
  staff_reply: z.string(),
  resolved: z.string(),
  rate_limited: z.string(),
  not_text: z.string(),
});
const noticesSchema = z.object({ 'zh-Hans': noticeSetSchema, vi: noticeSetSchema });

export type NoticeKey = keyof z.infer<typeof noticeSetSchema>;

/** Renders a conversation notice in the worker's language and script. */
export type NoticeRenderer = (key: NoticeKey, lang: Lang, values?: Readonly<Record<string, string>>) => string;

export function loadNotices(knowledgeDir: string): NoticeRenderer {
  const path = join(knowledgeDir, 'conversation', 'notices.json');
  const parsed = noticesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid notices in ${path}: ${parsed.error.issues[0]?.message}`);
  const notices = parsed.data;
  return (key, lang, values = {}) => {
    const template = (lang === 'vi' ? notices.vi : notices['zh-Hans'])[key];
    const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
    return lang === 'zh-Hant' ? toTraditional(filled) : filled;
  };
}
