import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

/** `knowledge/replies/{zh-Hans,vi}.json`: the wording of every fixed reply. */
export const replyTextsSchema = z.object({
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

/** Loads `<knowledgeDir>/replies/{zh-Hans,vi}.json`. */
export function loadReplies(knowledgeDir: string): ReplyBook {
  return {
    zh: readJsonFile(join(knowledgeDir, 'replies', 'zh-Hans.json'), replyTextsSchema),
    vi: readJsonFile(join(knowledgeDir, 'replies', 'vi.json'), replyTextsSchema),
  };
}
