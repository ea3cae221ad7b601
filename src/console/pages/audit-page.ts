import type { AuditEntry } from '../../stores/console-store.js';
import { html } from '../html.js';
import { formatTime, layout, type PageContext } from './layout.js';

export function auditPage(ctx: PageContext, entries: readonly AuditEntry[]): string {
  const { t } = ctx;
  return layout(
    ctx,
    t('audit_title'),
    'audit',
    html`<h1>${t('audit_title')}</h1>
      <table id="audit">
        <thead>
          <tr>
            <th>${t('col_time')}</th>
            <th>${t('col_user')}</th>
            <th>${t('col_action')}</th>
            <th>${t('col_ticket')}</th>
            <th>${t('col_detail')}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (a) =>
              html`<tr>
                <td data-label="${t('col_time')}">${formatTime(a.at, ctx.offsetMinutes)}</td>
                <td data-label="${t('col_user')}">${a.user}</td>
                <td data-label="${t('col_action')}">${a.action}</td>
                <td data-label="${t('col_ticket')}">
                  ${
                    a.ticketId
                      ? html`<a href="/console/tickets/${encodeURIComponent(a.ticketId)}">${a.ticketId}</a>`
                      : ''
                  }
                </td>
                <td data-label="${t('col_detail')}">${a.detail ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}

export function messagePage(ctx: PageContext, title: string, text: string): string {
  return layout(
    ctx,
    title,
    '',
    html`<h1>${title}</h1>
      <p>${text}</p>
      <p><a href="/console/queue">${ctx.t('back_to_queue')}</a></p>`,
  );
}
