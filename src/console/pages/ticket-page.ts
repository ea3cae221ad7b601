import type { Ticket } from '../../conversation/types.js';
import { maskPii } from '../../privacy/mask-pii.js';
import type { AuditEntry, StaffAccount, StaffNote } from '../../stores/console-store.js';
import { html, type SafeHtml } from '../html.js';
import { canAct, canHandOver, canSeeFullTranscript, ownerIdOf, ownerLabel } from '../ticket-rules.js';
import { csrfField, flash, formatAge, formatTime, layout, type PageContext } from './layout.js';

export interface TicketView {
  readonly ticket: Ticket;
  readonly notes: readonly StaffNote[];
  readonly colleagues: readonly StaffAccount[];
  /** The ticket's audit trail, for leads. */
  readonly audit?: readonly AuditEntry[];
  readonly message?: { readonly text: string; readonly kind: 'ok' | 'refused' };
  /** Longest reply the worker's channel takes. */
  readonly replyMaxLength: number;
}

const ROLE_KEY = { worker: 'role_worker', bot: 'role_bot', staff: 'role_staff_member' } as const;

function transcript(ctx: PageContext, ticket: Ticket, full: boolean): SafeHtml {
  const { t } = ctx;
  return html`<section class="card">
    <h2>${t('transcript')}</h2>
    <p class="hint ${full ? 'full' : 'masked'}" id="transcript-note">
      ${full ? t('transcript_full') : t('transcript_masked')}
    </p>
    <ol class="transcript" id="transcript">
      ${ticket.transcript.map(
        (e) =>
          html`<li class="${e.role}">
            <span class="who">${t(ROLE_KEY[e.role])} · ${formatTime(e.at, ctx.offsetMinutes)}</span>
            <p>${full ? e.text : maskPii(e.text)}</p>
          </li>`,
      )}
    </ol>
  </section>`;
}

function actions(ctx: PageContext, view: TicketView): SafeHtml {
  const { t, user } = ctx;
  const { ticket } = view;
  if (!user || ticket.status === 'resolved') return html``;
  const base = `/console/tickets/${encodeURIComponent(ticket.id)}`;
  const mayAct = canAct(user, ticket);
  const others = view.colleagues.filter((c) => !c.disabled && ownerIdOf(c) !== ticket.owner);
  const inlineForm = (action: string, button: SafeHtml) =>
    html`<form method="post" action="${base}/${action}" class="inline">${csrfField(ctx)}${button}</form>`;
  const claimButton = html`<button type="submit" id="claim">${t('claim')}</button>`;
  const resolveButton = html`<button type="submit" id="resolve" class="secondary">${t('resolve')}</button>`;
  return html`<section class="card actions">
    ${ticket.status === 'open' ? inlineForm('claim', claimButton) : ''}
    ${mayAct ? inlineForm('resolve', resolveButton) : ''}
    ${
      mayAct
        ? html`<form method="post" action="${base}/reply" class="stack">
            ${csrfField(ctx)}
            <label for="reply-text">${t('reply')}</label>
            <textarea id="reply-text" name="text" rows="4" maxlength="${view.replyMaxLength}" required></textarea>
            <small class="hint">${t('reply_hint')}</small>
            <button type="submit" id="reply-send">${t('reply_send')}</button>
          </form>`
        : html`<p class="hint" id="not-owner">${t('msg_not_owner')}</p>`
    }
    ${
      canHandOver(user, ticket) && others.length > 0
        ? html`<form method="post" action="${base}/handover" class="inline">
            ${csrfField(ctx)}
            <label
              >${t('handover')}
              <select name="to" id="handover-to">
                ${others.map((c) => html`<option value="${c.name}">${c.name}</option>`)}
              </select></label
            >
            <button type="submit" id="handover" class="secondary">${t('handover_submit')}</button>
          </form>`
        : ''
    }
  </section>`;
}

export function ticketPage(ctx: PageContext, view: TicketView): string {
  const { t, user } = ctx;
  const { ticket } = view;
  const full = user ? canSeeFullTranscript(user, ticket) : false;
  const base = `/console/tickets/${encodeURIComponent(ticket.id)}`;
  return layout(
    ctx,
    t('ticket_title', { id: ticket.id }),
    'queue',
    html`<p><a href="/console/queue">← ${t('back_to_queue')}</a></p>
      <h1>${t('ticket_title', { id: ticket.id })}</h1>
      <p class="flash info" id="changed" hidden data-ticket="${ticket.id}">
        ${t('ticket_changed')} <a href="${base}">${t('reload')}</a>
      </p>
      ${flash(view.message?.text, view.message?.kind ?? 'ok')}
      <dl class="facts">
        <dt>${t('col_category')}</dt>
        <dd><span class="badge ${ticket.category}">${t(`category_${ticket.category}`)}</span></dd>
        <dt>${t('col_status')}</dt>
        <dd id="status">${t(`status_${ticket.status}`)}</dd>
        <dt>${t('col_owner')}</dt>
        <dd id="owner">${ownerLabel(ticket.owner) ?? t('nobody')}</dd>
        <dt>${t('col_language')}</dt>
        <dd>${ticket.language}</dd>
        <dt>${t('col_channel')}</dt>
        <dd>${ticket.channel}</dd>
        <dt>${t('col_age')}</dt>
        <dd>${formatAge(ctx.now - ticket.createdAt, t)}</dd>
        <dt>${t('col_reasons')}</dt>
        <dd>${ticket.reasons.join(', ') || '—'}</dd>
      </dl>
      <section class="card">
        <h2>${t('summary')}</h2>
        <p>${ticket.summary}</p>
      </section>
      ${actions(ctx, view)} ${transcript(ctx, ticket, full)}
      ${
        ticket.citations.length
          ? html`<section class="card">
              <h2>${t('citations')}</h2>
              <ul>
                ${ticket.citations.map((c) => html`<li>${c.label}</li>`)}
              </ul>
            </section>`
          : ''
      }
      <section class="card">
        <h2>${t('notes')}</h2>
        ${
          view.notes.length
            ? html`<ul class="notes" id="notes">
                ${view.notes.map(
                  (n) =>
                    html`<li>
                      <span class="who">${n.author} · ${formatTime(n.at, ctx.offsetMinutes)}</span>
                      <p>${n.text}</p>
                    </li>`,
                )}
              </ul>`
            : html`<p class="empty">${t('notes_empty')}</p>`
        }
        <form method="post" action="${base}/note" class="stack">
          ${csrfField(ctx)}
          <textarea name="text" id="note-text" rows="2" maxlength="2000" required></textarea>
          <button type="submit" id="note-add" class="secondary">${t('note_add')}</button>
        </form>
      </section>
      ${
        view.audit
          ? html`<section class="card">
              <h2>${t('audit_title')}</h2>
              <ul class="audit">
                ${view.audit.map((a) => {
                  const detail = a.detail ? ` · ${a.detail}` : '';
                  return html`<li>${formatTime(a.at, ctx.offsetMinutes)} · ${a.user} · ${a.action}${detail}</li>`;
                })}
              </ul>
            </section>`
          : ''
      }`,
  );
}
