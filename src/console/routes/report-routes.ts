import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { buildDashboard, dashboardCsv, rangeStart } from '../dashboard-data.js';
import { auditPage, messagePage } from '../pages/audit-page.js';
import { dashboardPage, RANGE_CHOICES } from '../pages/dashboard-page.js';
import { knowledgePage } from '../pages/knowledge-page.js';
import type { RouteContext } from './route-context.js';

/** The eval report is rendered as an inert document: no script runs in the console's origin. */
const REPORT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const daysQuery = (fallback: (typeof RANGE_CHOICES)[number]) =>
  z.object({
    days: z.coerce
      .number()
      .pipe(z.union(RANGE_CHOICES.map((n) => z.literal(n))))
      .catch(fallback),
  });

/** Dashboard (HTML and CSV), knowledge page, the eval report (read-only) and the audit log (leads). */
export function registerReportRoutes(c: RouteContext): void {
  const { app, now, offsetMinutes, sessionOf, pageCtx, sendHtml, audit } = c;
  const { store, config } = c.settings;

  async function dashboardFor(days: number) {
    const from = rangeStart(now(), days, offsetMinutes);
    return buildDashboard(await store.eventsInRange(from, now() + 1), from, days, offsetMinutes);
  }

  app.get('/console/dashboard', async (request, reply) => {
    const { days } = daysQuery(14).parse(request.query ?? {});
    return sendHtml(reply, dashboardPage(pageCtx(request), await dashboardFor(days), days));
  });

  app.get('/console/dashboard.csv', async (request, reply) => {
    const { days } = daysQuery(14).parse(request.query ?? {});
    const csv = dashboardCsv(await dashboardFor(days));
    await audit(sessionOf(request).user.name, 'export_csv', undefined, `${days} days`);
    // A BOM so spreadsheet programs read the Chinese and Vietnamese labels as UTF-8.
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="gonghui-dashboard-${days}d.csv"`)
      .send(`\uFEFF${csv}`);
  });

  app.get('/console/knowledge', async (request, reply) => {
    const { days } = daysQuery(30).parse(request.query ?? {});
    return sendHtml(
      reply,
      knowledgePage(pageCtx(request), await dashboardFor(days), days, existsSync(config.CONSOLE_EVAL_REPORT)),
    );
  });

  app.get('/console/eval-report', async (_request, reply) => {
    if (!existsSync(config.CONSOLE_EVAL_REPORT))
      return reply.status(404).type('text/plain; charset=utf-8').send('no eval report yet: run npm run eval');
    return reply
      .header('content-security-policy', REPORT_CSP)
      .type('text/html; charset=utf-8')
      .send(readFileSync(config.CONSOLE_EVAL_REPORT, 'utf8'));
  });

  app.get('/console/audit', async (request, reply) => {
    const ctx = pageCtx(request);
    if (sessionOf(request).user.role !== 'lead')
      return sendHtml(reply, messagePage(ctx, ctx.t('audit_title'), ctx.t('forbidden')), 403);
    return sendHtml(reply, auditPage(ctx, await store.listAudit(500)));
  });
}
