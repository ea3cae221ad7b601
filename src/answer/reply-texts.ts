import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/types.js';

const replyTextsSchema = z.object({
  direct_intro: z.string(),
  sources_heading: z.string(),
  service_sources_heading: z.string(),
  next_steps_heading: z.string(),
  next_steps: z.array(z.string()).min(1),
  disclaimer: z.string(),
  urgent_intro: z.string(),
  person_intro: z.string(),
  no_source: z.string(),
  out_of_scope: z.string(),
  manipulation: z.string(),
  greeting: z.string(),
  too_long: z.string(),
  empty: z.string(),
  not_text: z.string(),
  unknown_language: z.string(),
  not_in_force_note: z.string(),
  hotline_unknown: z.string(),
});

/** Reply wording for one language family (`zh` texts serve both Chinese scripts). */
export type ReplyTexts = z.infer<typeof replyTextsSchema>;

/** Reply wording per language family. Traditional Chinese is converted from `zh` at the end. */
export interface ReplyBook {
  readonly zh: ReplyTexts;
  readonly vi: ReplyTexts;
}

function readTexts(path: string): ReplyTexts {
  const parsed = replyTextsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Invalid reply texts in ${path}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

/** Loads `knowledge/replies/{zh-Hans,vi}.json`. */
export function loadReplyBook(knowledgeDir: string): ReplyBook {
  return {
    zh: readTexts(join(knowledgeDir, 'replies', 'zh-Hans.json')),
    vi: readTexts(join(knowledgeDir, 'replies', 'vi.json')),
  };
}

/** The wording for a worker's language. */
export function textsFor(book: ReplyBook, lang: Lang): ReplyTexts {
  return lang === 'vi' ? book.vi : book.zh;
}

/** Replaces `{name}` placeholders; unknown names are left visible so a missing value is noticed in review. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
