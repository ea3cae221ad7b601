import type { DashboardData } from '../dashboard-data.js';
import { html } from '../html.js';
import { formatTime, layout, type PageContext } from './layout.js';

export function knowledgePage(ctx: PageContext, d: DashboardData, days: number, hasEvalReport: boolean): string {
  const { t } = ctx;
  const evalReport = hasEvalReport
    ? html`<a href="/console/eval-report" id="eval-report" target="_blank" rel="noopener">${t('eval_report')}</a>`
    : html`<span id="eval-report-missing">${t('eval_report_missing')}</span>`;
  return layout(
    ctx,
    t('knowledge_title'),
    'knowledge',
    html`<h1>${t('knowledge_title')} <small>${t('range_days', { n: days })}</small></h1>
      <p>${evalReport}</p>
      <section class="card">
        <h2>${t('top_citations')}</h2>
        ${
          d.topCitations.length
            ? html`<table id="top-citations">
                <thead>
                  <tr>
                    <th></th>
                    <th>${t('count')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.topCitations.map(
                    ([label, n]) =>
                      html`<tr>
                        <td>${label}</td>
                        <td>${n}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="empty">${t('no_data')}</p>`
        }
      </section>
      <section class="card">
        <h2>${t('no_source_questions')}</h2>
        ${
          d.noSourceQuestions.length
            ? html`<ul class="gaps" id="no-source">
                ${d.noSourceQuestions.map(
                  (q) =>
                    html`<li>
                      <span class="who">${formatTime(q.at, ctx.offsetMinutes)} · ${q.lang}</span>
                      <p>${q.question}</p>
                    </li>`,
                )}
              </ul>`
            : html`<p class="empty">${t('no_data')}</p>`
        }
      </section>`,
  );
}
