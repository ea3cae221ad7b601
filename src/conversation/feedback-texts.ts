import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FeedbackTexts } from './conversation-observer.js';

const setSchema = z.object({ ask: z.string().min(1), thanks_helpful: z.string().min(1), thanks_not_helpful: z.string().min(1) });
const schema = z.object({ 'zh-Hans': setSchema, 'zh-Hant': setSchema, vi: setSchema });

/** Loads `knowledge/conversation/feedback.json`: the "did this help?" question and the thanks. */
export function loadFeedbackTexts(knowledgeDir: string): FeedbackTexts {
  const path = join(knowledgeDir, 'conversation', 'feedback.json');
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid feedback texts in ${path}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const texts = parsed.data;
  return {
    ask: (lang) => texts[lang].ask,
    thanks: (lang, helpful) => (helpful ? texts[lang].thanks_helpful : texts[lang].thanks_not_helpful),
  };
}
