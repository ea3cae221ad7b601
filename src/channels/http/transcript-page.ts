import type { FastifyInstance } from 'fastify';
import type { Ticket } from '../../conversation/types.js';
import type { TicketStore } from '../../conversation/ticket-store.js';
import { TRANSCRIPT_PATH, type StaffLinks } from './staff-links.js';

/** Labels of the page, in the staff's language (from the desk labels in knowledge/). */
export interface TranscriptPageLabels {
  readonly title: string;
  readonly warning: string;
  readonly expired: string;
  readonly role: Readonly<Record<'worker' | 'bot' | 'staff', string>>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const VIEWPORT_META = '<meta name="viewport" content="width=device-width, initial-scale=1">';
const STYLE =
  '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}' +
  'li{list-style:none;margin:0 0 1rem}p{white-space:pre-wrap;margin:.25rem 0}' +
  '.warning{background:#fff3cd;padding:.5rem}' +
  '.staff b{color:#0645ad}time{color:#666;font-size:.85em}</style>';

function renderPage(ticket: Ticket, labels: TranscriptPageLabels, lang: string): string {
  const rows = ticket.transcript
    .map(
      (e) =>
        `<li class="${e.role}"><b>${escapeHtml(labels.role[e.role])}</b> ` +
        `<time>${new Date(e.at).toISOString().slice(0, 16).replace('T', ' ')} UTC</time>` +
        `<p>${escapeHtml(e.text)}</p></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">${VIEWPORT_META}
<meta name="robots" content="noindex"><title>${escapeHtml(labels.title)} ${escapeHtml(ticket.id)}</title>
${STYLE}
</head><body>
<h1>${escapeHtml(labels.title)} ${escapeHtml(ticket.id)}</h1>
<p class="warning" role="note">${escapeHtml(labels.warning)}</p>
<p>${escapeHtml(ticket.category)} · ${escapeHtml(ticket.language)} · ${escapeHtml(ticket.status)}</p>
<ol id="transcript">
${rows}
</ol>
</body></html>`;
}

/**
 * GET /staff/tickets/:id?exp=&sig= : the full, unmasked transcript of one
 * ticket, on the bot's own server, for a staff member holding a signed link
 * that has not expired (the Slack desk hands one out; Slack never gets the
 * transcript). Not cached, not indexed, no referrer, no scripts.
 */
export function registerTranscriptPage(
  app: FastifyInstance,
  settings: { store: Pick<TicketStore, 'getTicket'>; links: StaffLinks; labels: TranscriptPageLabels; lang?: string },
): void {
  app.get<{ Params: { id: string }; Querystring: { exp?: string; sig?: string } }>(
    `${TRANSCRIPT_PATH}:id`,
    async (request, reply) => {
      void reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      const { id } = request.params;
      if (!settings.links.verify(id, request.query.exp, request.query.sig)) {
        return reply.status(403).type('text/plain; charset=utf-8').send(settings.labels.expired);
      }
      const ticket = await settings.store.getTicket(id);
      if (!ticket) return reply.status(404).type('text/plain; charset=utf-8').send('not found');
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(ticket, settings.labels, settings.lang ?? 'zh-Hans'));
    },
  );
}
