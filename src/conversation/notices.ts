import type { Lang } from '../core/types.js';
import {
  loadNoticeTexts,
  noticeSetSchema,
  type ConversationKnowledge,
  type NoticeSet,
} from '../knowledge/load-conversation.js';
import { toTraditional } from '../language/script.js';

/** Notice keys, for validating outbox payloads. */
export const NOTICE_KEYS = noticeSetSchema.keyof().options;
export type NoticeKey = keyof NoticeSet;

/** Renders a conversation notice in the worker's language and script. */
export type NoticeRenderer = (key: NoticeKey, lang: Lang, values?: Readonly<Record<string, string>>) => string;

/** Loads `knowledge/conversation/notices.json` (one set per language and script). */
export function loadNotices(knowledgeDir: string): NoticeRenderer {
  return createNoticeRenderer(loadNoticeTexts(knowledgeDir));
}

/** The renderer of loaded notices (knowledge.conversation.notices). */
export function createNoticeRenderer(notices: ConversationKnowledge['notices']): NoticeRenderer {
  return (key, lang, values = {}) =>
    notices[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      // Staff usually type Simplified: a Traditional-script worker reads it in Traditional.
      return lang === 'zh-Hant' ? toTraditional(value) : value;
    });
}
