import type { Ticket } from '../../conversation/types.js';
import { html, type SafeHtml } from '../html.js';
import { ownerIdOf, ownerLabel } from '../ticket-rules.js';
import { formatAge, layout, type PageContext } from './layout.js';

export interface QueueFilter {
  readonly category?: string;
  readonly lang?: string;
  readonly channel?: string;
  /** `mine`, `none`, or an owner id. */
  readonly owner?: string;
}

/** Urgent first, then the longest waiting. */
export function sortQueue(tickets: readonly Ticket[]): Ticket[] {
  return [...tickets].sort(
    (a, b) => Number(b.category === 'urgent') - Number(a.category === 'urgent') || a.createdAt - b.createdAt,
  );
}

export function filterQueue(tickets: readonly Ticket[], f: QueueFilter, me: string): Ticket[] {
  return tickets.filter(
    (t) =>
      t.status !== 'resolved' &&
      (!f.category || t.category === f.category) &&
      (!f.lang || t.language === f.lang) &&
      (!f.channel || t.channel === f.channel) &&
      (!f.owner || (f.owner === 'mine' ? t.owner === me : f.owner === 'none' ? !t.owner : t.owner === f.owner)),
  );
}

/** The table body alone: the queue page swaps it in when the server says something changed. */
export function queueRows(ctx: PageContext, tickets: readonly Ticket[]): SafeHtml {
  const { t } = ctx;
  if (tickets.length === 0)
    return html`<tr>
      <td colspan="7" class="empty">${t('queue_empty')}</td>
    </tr>`;
  return html`${tickets.map(
    (k) =>
      html`<tr class="${k.category}" data-ticket="${k.id}">
        <td data-label="${t('col_ticket')}"><a href="/console/tickets/${encodeURIComponent(k.id)}">${k.id}</a></td>
        <td data-label="${t('col_category')}">
          <span class="badge ${k.category}">${t(`category_${k.category}`)}</span>
        </td>
        <td data-label="${t('col_status')}">${t(`status_${k.status}`)}</td>
        <td data-label="${t('col_owner')}">${ownerLabel(k.owner) ?? t('nobody')}</td>
        <td data-label="${t('col_language')}">${k.language}</td>
        <td data-label="${t('col_channel')}">${k.channel}</td>
        <td data-label="${t('col_age')}">${formatAge(ctx.now - k.createdAt, t)}</td>
      </tr>`,
  )}`;
}

function select(
  name: string,
  label: string,
  current: string | undefined,
  options: readonly (readonly [string, string])[],
): SafeHtml {
  return html`<label
    >${label}<select name="${name}">
      <option value="">—</option>
      ${options.map(([v, l]) => html`<option value="${v}" ${v === current ? html` selected` : ''}>${l}</option>`)}
    </select></label
  >`;
}

export function queuePage(ctx: PageContext, all: readonly Ticket[], filter: QueueFilter): string {
  const { t, user } = ctx;
  const me = user ? ownerIdOf(user) : '';
  const shown = sortQueue(filterQueue(all, filter, me));
  const owners = [...new Set(all.flatMap((k) => (k.owner ? [k.owner] : [])))].sort();
  const channels = [...new Set(['wechat', 'http', ...all.map((k) => k.channel)])].sort();
  return layout(
    ctx,
    t('queue_title'),
    'queue',
    html`<h1>${t('queue_title')} <small class="live" id="live" hidden>● ${t('queue_live')}</small></h1>
      <form method="get" action="/console/queue" class="filters">
        ${select('category', t('col_category'), filter.category, [
          ['urgent', t('category_urgent')],
          ['person', t('category_person')],
        ])}
        ${select('lang', t('col_language'), filter.lang, [
          ['zh-Hans', 'zh-Hans'],
          ['zh-Hant', 'zh-Hant'],
          ['vi', 'vi'],
        ])}
        ${select(
          'channel',
          t('col_channel'),
          filter.channel,
          channels.map((c) => [c, c] as const),
        )}
        ${select('owner', t('col_owner'), filter.owner, [
          ['mine', t('filter_mine')],
          ['none', t('filter_unowned')],
          ...owners.map((o) => [o, ownerLabel(o) ?? o] as const),
        ])}
        <button type="submit">${t('filter')}</button>
      </form>
      <table class="queue">
        <thead>
          <tr>
            <th>${t('col_ticket')}</th>
            <th>${t('col_category')}</th>
            <th>${t('col_status')}</th>
            <th>${t('col_owner')}</th>
            <th>${t('col_language')}</th>
            <th>${t('col_channel')}</th>
            <th>${t('col_age')}</th>
          </tr>
        </thead>
        <tbody id="queue-rows" data-live="/console/queue/rows">
          ${queueRows(ctx, shown)}
        </tbody>
      </table>`,
  );
}
