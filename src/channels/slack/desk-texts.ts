import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Every label and message the staff desk shows (Slack, the transcript page,
 * ticket summaries), read from `knowledge/desk/labels.json` in the staff's
 * language (STAFF_LANGUAGE: zh-Hans, vi or en). Worker-facing texts live in
 * `knowledge/conversation/`.
 */
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
    opened: s,
    button: z.object({ claim: s, reply: s, resolve: s, view: s }),
    replyModal: z.object({ title: s, submit: s, label: s, hint: s, empty: s, closed: s, notOwner: s }),
    transcript: z.object({ title: s, warning: s, expired: s, role: z.object({ worker: s, bot: s, staff: s }), link: s, unavailable: s }),
    thread: z.object({ worker: s, bot: s }),
    ephemeral: z.object({ alreadyClaimed: s, resolved: s, notFound: s, contact: s, claimFirst: s }),
    reminder: s,
    tickets: z.object({ none: s, header: s, line: s, ticketText: s }),
  }),
});
const fileSchema = z.object({ en: setSchema, 'zh-Hans': setSchema, vi: setSchema });
type LabelSet = z.infer<typeof setSchema>;

/** Fills `{name}` placeholders that have a value; others (Slack's own `{time}`) stay. */
const fill = (template: string, values: Readonly<Record<string, string | number>>) =>
  template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] !== undefined ? String(values[name]) : whole))
    // Staff of the web console (owner `console:<name>`) are named, not mentioned: they have no Slack user.
    .replace(/<@console:([^>]+)>/g, '$1 (web console)');

function build(set: LabelSet) {
  const d = set.desk;
  return {
    category: d.category,
    categoryPlain: d.categoryPlain,
    status: d.status,
    field: d.field,
    language: d.language,
    none: d.none,
    owner: (user: string) => fill(d.owner, { user }),
    opened: (epochSeconds: number, fallback: string) => fill(d.opened, { epoch: epochSeconds, fallback }),
    button: d.button,
    replyModal: {
      ...d.replyModal,
      label: (ticketId: string, channel: string) => fill(d.replyModal.label, { ticket: ticketId, channel }),
    },
    transcript: {
      ...d.transcript,
      link: (url: string, minutes: number) => fill(d.transcript.link, { url, minutes }),
    },
    thread: d.thread,
    ephemeral: {
      alreadyClaimed: (ticketId: string, owner: string) => fill(d.ephemeral.alreadyClaimed, { ticket: ticketId, owner }),
      resolved: (ticketId: string) => fill(d.ephemeral.resolved, { ticket: ticketId }),
      notFound: (ticketId: string) => fill(d.ephemeral.notFound, { ticket: ticketId }),
      claimFirst: (ticketId: string) => fill(d.ephemeral.claimFirst, { ticket: ticketId }),
      contact: (ticketId: string, channel: string, contact: string) => fill(d.ephemeral.contact, { ticket: ticketId, channel, contact }),
    },
    reminder: (ticketId: string, minutes: number, reasons: string) => fill(d.reminder, { ticket: ticketId, minutes, reasons }),
    tickets: {
      none: d.tickets.none,
      header: (count: number) => fill(d.tickets.header, { count }),
      line: (t: { id: string; category: string; status: string; owner?: string; language: string; reasons: string; ageMinutes: number }) =>
        fill(d.tickets.line, { id: t.id, category: t.category, status: t.status, owner: t.owner ? ` <@${t.owner}>` : '', language: t.language, reasons: t.reasons, age: t.ageMinutes }),
      ticketText: (t: { category: string; id: string; language: string; status: string; owner?: string }) =>
        fill(d.tickets.ticketText, { category: t.category, id: t.id, language: t.language, status: t.status, owner: t.owner ? fill(d.owner, { user: t.owner }).replace(/^/, ', ') : '' }),
    },
    summary: set.summary,
  };
}

export type DeskText = ReturnType<typeof build>;

/** Loads the desk texts of one staff language from `<knowledgeDir>/desk/labels.json`. */
export function loadDeskText(knowledgeDir: string, lang: StaffLanguage): DeskText {
  const path = join(knowledgeDir, 'desk', 'labels.json');
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid desk labels in ${path}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return build(parsed.data[lang]);
}

/** The English desk texts from the repository's knowledge/ (the default of the Slack helpers and tests). */
export const DESK_TEXT: DeskText = loadDeskText(join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'knowledge'), 'en');
