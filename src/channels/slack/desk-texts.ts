import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadDesk,
  STAFF_LANGUAGES,
  type DeskLabels,
  type DeskLabelSet,
  type StaffLanguage,
} from '../../knowledge/load-desk.js';

/**
 * Every label and message the staff desk shows (Slack, the transcript page,
 * ticket summaries), read from `knowledge/desk/labels.json` in the staff's
 * language (STAFF_LANGUAGE: zh-Hans, vi or en). Worker-facing texts live in
 * `knowledge/conversation/`.
 */
export { STAFF_LANGUAGES, type StaffLanguage };

/** Fills `{name}` placeholders that have a value; others (Slack's own `{time}`) stay. */
const fillWith = (consoleStaff: string) => (template: string, values: Readonly<Record<string, string | number>>) =>
  template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] !== undefined ? String(values[name]) : whole))
    // Staff of the web console (owner `console:<name>`) are named, not mentioned: they have no Slack user.
    .replace(/<@console:([^>]+)>/g, (_whole, name: string) => consoleStaff.replace('{name}', name));

function build(set: DeskLabelSet) {
  const d = set.desk;
  const fill = fillWith(d.consoleStaff);
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
      alreadyClaimed: (ticketId: string, owner: string) =>
        fill(d.ephemeral.alreadyClaimed, { ticket: ticketId, owner }),
      resolved: (ticketId: string) => fill(d.ephemeral.resolved, { ticket: ticketId }),
      notFound: (ticketId: string) => fill(d.ephemeral.notFound, { ticket: ticketId }),
      claimFirst: (ticketId: string) => fill(d.ephemeral.claimFirst, { ticket: ticketId }),
      contact: (ticketId: string, channel: string, contact: string) =>
        fill(d.ephemeral.contact, { ticket: ticketId, channel, contact }),
    },
    reminder: (ticketId: string, minutes: number, reasons: string) =>
      fill(d.reminder, { ticket: ticketId, minutes, reasons }),
    tickets: {
      none: d.tickets.none,
      header: (count: number) => fill(d.tickets.header, { count }),
      line: (t: {
        id: string;
        category: string;
        status: string;
        owner?: string;
        language: string;
        reasons: string;
        ageMinutes: number;
      }) =>
        fill(d.tickets.line, {
          id: t.id,
          category: t.category,
          status: t.status,
          owner: t.owner ? ` <@${t.owner}>` : '',
          language: t.language,
          reasons: t.reasons,
          age: t.ageMinutes,
        }),
      ticketText: (t: { category: string; id: string; language: string; status: string; owner?: string }) =>
        fill(d.tickets.ticketText, {
          category: t.category,
          id: t.id,
          language: t.language,
          status: t.status,
          owner: t.owner ? fill(d.owner, { user: t.owner }).replace(/^/, ', ') : '',
        }),
    },
    summary: set.summary,
  };
}

export type DeskText = ReturnType<typeof build>;

/** Loads the desk texts of one staff language from `<knowledgeDir>/desk/labels.json`. */
export function loadDeskText(knowledgeDir: string, lang: StaffLanguage): DeskText {
  return createDeskText(loadDesk(knowledgeDir), lang);
}

/** The desk texts of one staff language from loaded knowledge/desk/labels.json. */
export function createDeskText(labels: DeskLabels, lang: StaffLanguage): DeskText {
  return build(labels[lang]);
}

/** The English desk texts from the repository's knowledge/ (the default of the Slack helpers and tests). */
export const DESK_TEXT: DeskText = loadDeskText(
  join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'knowledge'),
  'en',
);
