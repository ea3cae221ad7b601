import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

/** Languages the staff desk is written in (STAFF_LANGUAGE). */
export const STAFF_LANGUAGES = ['zh-Hans', 'vi', 'en'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

const s = z.string().min(1);
const setSchema = z.object({
  summary: z.object({ happened: s, asks: s, tenure: s, wages: s, dates: s, cited: s, signals: s.optional() }),
  desk: z.object({
    category: z.object({ urgent: s, person: s }),
    categoryPlain: z.object({ urgent: s, person: s }),
    status: z.object({ open: s, claimed: s, resolved: s }),
    field: z.object({ status: s, language: s, reasons: s, channel: s, summary: s, citations: s }),
    language: z.object({ 'zh-Hans': s, 'zh-Hant': s, vi: s }),
    none: s,
    owner: s,
    /** How a web-console staff member (owner `console:<name>`) is named: they have no Slack user to mention. */
    consoleStaff: s,
    opened: s,
    button: z.object({ claim: s, reply: s, resolve: s, view: s }),
    replyModal: z.object({ title: s, submit: s, label: s, hint: s, empty: s, closed: s, notOwner: s }),
    transcript: z.object({
      title: s,
      warning: s,
      expired: s,
      role: z.object({ worker: s, bot: s, staff: s }),
      link: s,
      unavailable: s,
    }),
    thread: z.object({ worker: s, bot: s }),
    ephemeral: z.object({ alreadyClaimed: s, resolved: s, notFound: s, contact: s, claimFirst: s }),
    reminder: s,
    tickets: z.object({ none: s, header: s, line: s, ticketText: s }),
  }),
});

/** `knowledge/desk/labels.json`: every label of the staff desk, per staff language. */
export const deskLabelsSchema = z.object({ en: setSchema, 'zh-Hans': setSchema, vi: setSchema });
export type DeskLabels = z.infer<typeof deskLabelsSchema>;
export type DeskLabelSet = z.infer<typeof setSchema>;

/** Loads `<knowledgeDir>/desk/labels.json`. */
export function loadDesk(knowledgeDir: string): DeskLabels {
  return readJsonFile(join(knowledgeDir, 'desk', 'labels.json'), deskLabelsSchema);
}
