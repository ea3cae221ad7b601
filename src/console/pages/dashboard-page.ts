import { horizontalBarChart, stackedBarChart } from '../charts.js';
import type { DashboardData, Percentiles } from '../dashboard-data.js';
import { html } from '../html.js';
import { layout, type PageContext } from './layout.js';

export const RANGE_CHOICES = [7, 14, 30, 90] as const;

export function dashboardPage(ctx: PageContext, d: DashboardData, days: number): string {
  const { t } = ctx;
  const times = (label: string, p: Percentiles) =>
    html`<tr><th scope="row">${label}</th><td>${p.count}</td><td>${p.p50 ?? '—'}</td><td>${p.p90 ?? '—'}</td></tr>`;
  const anyMessages = Object.keys(d.messagesByLang).length > 0;
  const noData = html`<p class="empty">${t('no_data')}</p>`;
  const modeLabel = (m: string) => t(`mode_${m}`);
  const categoryLabel = (c: string) => (c === 'urgent' || c === 'person' ? t(`category_${c}`) : c);
  return layout(
    ctx,
    t('dashboard_title'),
    'dashboard',
    html`<h1>${t('dashboard_title')}</h1>
      <form method="get" action="/console/dashboard" class="filters">
        <label
          ><select name="days" data-autosubmit>
            ${RANGE_CHOICES.map(
              (n) => html`<option value="${n}" ${n === days ? html` selected` : ''}>${t('range_days', { n })}</option>`,
            )}
          </select></label
        >
        <button type="submit" class="js-hide">${t('filter')}</button>
        <a class="button secondary" id="export-csv" href="/console/dashboard.csv?days=${days}" download
          >${t('export_csv')}</a
        >
      </form>
      <div class="grid" id="dashboard">
        <section class="card">
          ${
            anyMessages
              ? stackedBarChart(t('chart_messages_lang'), d.days, d.messagesByLang)
              : html`<h2>${t('chart_messages_lang')}</h2>
                  ${noData}`
          }
        </section>
        <section class="card">
          ${
            anyMessages
              ? stackedBarChart(t('chart_messages_channel'), d.days, d.messagesByChannel)
              : html`<h2>${t('chart_messages_channel')}</h2>
                  ${noData}`
          }
        </section>
        <section class="card">${horizontalBarChart(t('chart_modes'), Object.entries(d.outcomes), modeLabel)}</section>
        <section class="card">
          ${
            Object.keys(d.ticketsByCategory).length
              ? horizontalBarChart(t('chart_categories'), Object.entries(d.ticketsByCategory), categoryLabel)
              : html`<h2>${t('chart_categories')}</h2>
                  ${noData}`
          }
        </section>
        <section class="card">
          <h2>${t('chart_times')}</h2>
          <table class="times" id="times">
            <thead>
              <tr>
                <th></th>
                <th>${t('tickets_counted')}</th>
                <th>p50</th>
                <th>p90</th>
              </tr>
            </thead>
            <tbody>
              ${times(t('time_to_claim'), d.timeToClaim)}${times(t('time_to_resolve'), d.timeToResolve)}
            </tbody>
          </table>
        </section>
        <section class="card">
          ${
            d.topTopics.length
              ? horizontalBarChart(t('chart_topics'), d.topTopics)
              : html`<h2>${t('chart_topics')}</h2>
                  ${noData}`
          }
        </section>
        <section class="card">
          ${horizontalBarChart(t('chart_feedback'), [
            [t('feedback_helpful'), d.feedback.helpful],
            [t('feedback_not_helpful'), d.feedback.notHelpful],
            [t('feedback_no_reply'), d.feedback.noReply],
          ])}
        </section>
      </div>`,
  );
}
