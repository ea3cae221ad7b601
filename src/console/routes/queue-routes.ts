import { z } from 'zod';
import { ownerIdOf } from '../ticket-rules.js';
import { filterQueue, queuePage, queueRows, sortQueue, type QueueFilter } from '../pages/queue-page.js';
import { SESSION_COOKIE } from '../session-auth.js';
import type { RouteContext } from './route-context.js';

const queueQuery = z.object({
  category: z.enum(['urgent', 'person']).optional().catch(undefined),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']).optional().catch(undefined),
  channel: z.string().max(32).optional().catch(undefined),
  owner: z.string().max(140).optional().catch(undefined),
});

/** The queue page, its rows for live refresh, and the event stream that says when to refresh. */
export function registerQueueRoutes(c: RouteContext): void {
  const { app, auth, sessionOf, pageCtx, sendHtml } = c;
  const { core, hub } = c.settings;
  const queueFilter = (query: unknown): QueueFilter => {
    const q = queueQuery.parse(query ?? {});
    return Object.fromEntries(Object.entries(q).filter(([, v]) => v)) as QueueFilter;
  };

  app.get('/console/queue', async (request, reply) =>
    sendHtml(reply, queuePage(pageCtx(request), await core.listOpenTickets(), queueFilter(request.query))),
  );

  app.get('/console/queue/rows', async (request, reply) => {
    const ctx = pageCtx(request);
    const rows = sortQueue(
      filterQueue(await core.listOpenTickets(), queueFilter(request.query), ownerIdOf(sessionOf(request).user)),
    );
    return sendHtml(reply, queueRows(ctx, rows).value);
  });

  // Server-sent events: "something changed" (the page then fetches its rows). Changes made in this process
  // arrive through the hub; changes made by another process sharing the database are found by polling.
  app.get('/console/events', async (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n\n');
    const send = (data: object) => res.write(`event: change\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = hub.subscribe((change) => send(change));
    const fingerprint = async () =>
      (await core.listOpenTickets()).map((t) => `${t.id}:${t.updatedAt}:${t.status}`).join('|');
    let last = await fingerprint();
    const token = request.cookies[SESSION_COOKIE];
    const timer = setInterval(() => {
      (async () => {
        // A signed-out or expired session stops receiving updates.
        if (!(await auth.session(token))) {
          res.end();
          return;
        }
        const next = await fingerprint();
        if (next !== last) send({});
        else res.write(': ping\n\n');
        last = next;
      })().catch(() => undefined);
    }, c.settings.pollMs ?? 5000);
    timer.unref();
    res.on('close', () => {
      clearInterval(timer);
      unsubscribe();
    });
  });
}
