import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ConversationCore } from '../conversation/conversation-core.js';
import type { Logger } from '../shared/logger.js';
import type { ConsoleStore, StaffSession, UiLang } from '../stores/console-store.js';
import type { TicketStore } from '../stores/ticket-store.js';
import type { ConsoleConfig } from './console-config.js';
import { buildDashboard, dashboardCsv, rangeStart } from './dashboard-data.js';
import { handOverTicket } from './hand-over.js';
import type { LiveHub } from './live-hub.js';
import { auditPage, messagePage } from './pages/audit-page.js';
import { dashboardPage, RANGE_CHOICES } from './pages/dashboard-page.js';
import { knowledgePage } from './pages/knowledge-page.js';
import type { PageContext } from './pages/layout.js';
import { loginPage } from './pages/login-page.js';
import { filterQueue, queuePage, queueRows, sortQueue, type QueueFilter } from './pages/queue-page.js';
import { ticketPage } from './pages/ticket-page.js';
import { Authenticator, LOGIN_CSRF_COOKIE, newToken, SESSION_COOKIE, tokensEqual } from './session-auth.js';
import { canAct, canHandOver, canSeeFullTranscript, ownerIdOf, ownerLabel } from './ticket-rules.js';
import { langFromAcceptLanguage, uiLangSchema, type UiTexts } from './ui-texts.js';

/** What the console needs from the conversation core: the same calls the Slack desk makes. */
export type ConsolePort = Pick<ConversationCore, 'claim' | 'staffReply' | 'resolve' | 'listOpenTickets' | 'getTicket'>;

export interface ConsoleAppSettings {
  readonly core: ConsolePort;
  /** For hand-over (owner change + Slack refresh in one transaction). */
  readonly tickets: Pick<TicketStore, 'updateTicket'>;
  readonly store: ConsoleStore;
  readonly texts: UiTexts;
  readonly hub: LiveHub;
  readonly config: Pick<ConsoleConfig, 'CONSOLE_SESSION_HOURS' | 'CONSOLE_SECURE_COOKIES' | 'CONSOLE_UTC_OFFSET_MINUTES' | 'CONSOLE_EVAL_REPORT'>;
  /** Longest staff reply (the worker's channel limit, as in Slack). @default 1800 */
  readonly replyMaxLength?: number;
  /** How often open event streams look for changes made by another process (the Slack desk in `npm run serve`). @default 5000 */
  readonly pollMs?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
}

const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');

const OK_MESSAGES = ['claimed', 'replied', 'resolved', 'note_added', 'handed_over'] as const;
const REFUSALS = ['already_claimed', 'is_resolved', 'not_found', 'not_owner', 'empty', 'too_long', 'bad_colleague', 'not_claimed'] as const;
type Outcome = (typeof OK_MESSAGES)[number] | (typeof REFUSALS)[number];

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
/** The eval report is rendered as an inert document: no script runs in the console's origin. */
const REPORT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const loginBody = z.object({ name: z.string().trim().min(1).max(64), password: z.string().min(1).max(256), _csrf: z.string().min(1), lang: uiLangSchema.optional() });
const csrfBody = z.looseObject({ _csrf: z.string().min(1) });
const textBody = (max: number) => z.object({ text: z.string().max(100_000) }).transform((b) => ({ text: b.text.trim(), max }));
const queueQuery = z.object({
  category: z.enum(['urgent', 'person']).optional().catch(undefined),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']).optional().catch(undefined),
  channel: z.string().max(32).optional().catch(undefined),
  owner: z.string().max(140).optional().catch(undefined),
});
const daysQuery = (fallback: (typeof RANGE_CHOICES)[number]) => z.object({ days: z.coerce.number().pipe(z.union(RANGE_CHOICES.map((n) => z.literal(n)))).catch(fallback) });
const ticketParams = z.object({ id: z.string().min(1).max(64) });

/**
 * The staff console: a small server-rendered fastify app under `/console`.
 * Sign-in with local accounts, session cookies (HttpOnly, SameSite=Strict)
 * and a CSRF token on every POST. Ticket actions go through the conversation
 * core, so the Slack desk and the console share one state and the worker
 * gets each reply once, through the outbox.
 */
export function createConsoleApp(settings: ConsoleAppSettings): FastifyInstance {
  const { core, store, texts, hub, config } = settings;
  const now = settings.now ?? Date.now;
  const log = settings.logger;
  const replyMax = settings.replyMaxLength ?? 1800;
  const offsetMinutes = config.CONSOLE_UTC_OFFSET_MINUTES;
  const lifetimeMs = config.CONSOLE_SESSION_HOURS * 3_600_000;
  const auth = new Authenticator(store, now);
  const assets = {
    'console.css': { body: readFileSync(join(ASSETS_DIR, 'console.css'), 'utf8'), type: 'text/css; charset=utf-8' },
    'console.js': { body: readFileSync(join(ASSETS_DIR, 'console.js'), 'utf8'), type: 'text/javascript; charset=utf-8' },
  } as const;
  const cookieBase = { httpOnly: true, sameSite: 'strict' as const, secure: config.CONSOLE_SECURE_COOKIES === 'true' };
  const sessions = new WeakMap<FastifyRequest, StaffSession>();

  // Event streams stay open: close them with the server.
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, forceCloseConnections: true });
  void app.register(fastifyCookie);
  void app.register(fastifyFormbody);

  const ctxFor = (lang: UiLang, session?: StaffSession): PageContext => ({
    t: texts.forLang(lang),
    lang,
    ...(session ? { user: session.user, csrf: session.csrfToken } : {}),
    now: now(),
    offsetMinutes,
  });
  const sessionOf = (request: FastifyRequest): StaffSession => {
    const s = sessions.get(request);
    if (!s) throw new Error('route reached without a session');
    return s;
  };
  const pageCtx = (request: FastifyRequest) => {
    const s = sessionOf(request);
    return ctxFor(s.user.lang, s);
  };
  const sendHtml = (reply: FastifyReply, page: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(page);
  const audit = (user: string, action: string, ticketId?: string, detail?: string) =>
    store.audit({ at: now(), user, action, ...(ticketId ? { ticketId } : {}), ...(detail ? { detail } : {}) });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (!request.url.startsWith('/console/assets/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Every route except sign-in and the static assets needs a session; every POST needs its CSRF token.
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/console') || path === '/console/login' || path.startsWith('/console/assets/')) return;
    const session = await auth.session(request.cookies[SESSION_COOKIE]);
    if (!session) {
      if (request.method === 'GET' && !path.endsWith('/rows') && path !== '/console/events') return reply.redirect('/console/login', 303);
      return reply.status(401).type('text/plain; charset=utf-8').send('sign in first');
    }
    if (request.method === 'POST') {
      const body = csrfBody.safeParse(request.body);
      if (!body.success || !tokensEqual(body.data._csrf, session.csrfToken)) {
        await audit(session.user.name, 'csrf_rejected', undefined, path);
        const ctx = ctxFor(session.user.lang, session);
        return sendHtml(reply, messagePage(ctx, ctx.t('app_title'), ctx.t('csrf_failed')), 403);
      }
    }
    sessions.set(request, session);
  });

  app.get('/', async (_request, reply) => reply.redirect('/console/queue', 303));
  app.get('/console', async (_request, reply) => reply.redirect('/console/queue', 303));

  app.get<{ Params: { name: string } }>('/console/assets/:name', async (request, reply) => {
    const asset = request.params.name === 'console.css' || request.params.name === 'console.js' ? assets[request.params.name] : undefined;
    if (!asset) return reply.status(404).type('text/plain').send('not found');
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });

  // --- sign-in ---

  function showLogin(reply: FastifyReply, lang: UiLang, error?: string, status = 200) {
    const token = newToken();
    void reply.setCookie(LOGIN_CSRF_COOKIE, token, { ...cookieBase, path: '/console/login', maxAge: 3600 });
    return sendHtml(reply, loginPage(ctxFor(lang), token, error), status);
  }

  app.get<{ Querystring: { lang?: string } }>('/console/login', async (request, reply) => {
    if (await auth.session(request.cookies[SESSION_COOKIE])) return reply.redirect('/console/queue', 303);
    const asked = uiLangSchema.safeParse(request.query.lang);
    return showLogin(reply, asked.success ? asked.data : langFromAcceptLanguage(request.headers['accept-language']));
  });

  app.post('/console/login', async (request, reply) => {
    const body = loginBody.safeParse(request.body);
    const lang = body.success && body.data.lang ? body.data.lang : langFromAcceptLanguage(request.headers['accept-language']);
    const t = texts.forLang(lang);
    if (!body.success || !tokensEqual(body.data._csrf, request.cookies[LOGIN_CSRF_COOKIE])) return showLogin(reply, lang, t(body.success ? 'csrf_failed' : 'login_failed'), 400);
    const result = await auth.login(body.data.name, body.data.password);
    if (!result.ok) {
      await audit(body.data.name.slice(0, 64), result.reason === 'locked' ? 'login_locked' : 'login_failed');
      return showLogin(reply, lang, t(result.reason === 'locked' ? 'login_locked' : 'login_failed'), 401);
    }
    const { token } = await auth.startSession(result.user, lifetimeMs);
    await audit(result.user.name, 'login');
    log?.info({ staff: result.user.name }, 'console sign-in');
    void reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/console/login' });
    void reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, path: '/console', maxAge: Math.floor(lifetimeMs / 1000) });
    return reply.redirect('/console/queue', 303);
  });

  app.post('/console/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.endSession(token);
    await audit(sessionOf(request).user.name, 'logout');
    void reply.clearCookie(SESSION_COOKIE, { path: '/console' });
    return reply.redirect('/console/login', 303);
  });

  app.post('/console/settings/lang', async (request, reply) => {
    const lang = z.object({ lang: uiLangSchema }).safeParse(request.body);
    if (lang.success) await store.setUserLang(sessionOf(request).user.name, lang.data.lang);
    return reply.redirect('/console/queue', 303);
  });

  // --- queue ---

  const queueFilter = (query: unknown): QueueFilter => {
    const q = queueQuery.parse(query ?? {});
    return Object.fromEntries(Object.entries(q).filter(([, v]) => v)) as QueueFilter;
  };

  app.get('/console/queue', async (request, reply) => sendHtml(reply, queuePage(pageCtx(request), await core.listOpenTickets(), queueFilter(request.query))));

  app.get('/console/queue/rows', async (request, reply) => {
    const ctx = pageCtx(request);
    const rows = sortQueue(filterQueue(await core.listOpenTickets(), queueFilter(request.query), ownerIdOf(sessionOf(request).user)));
    return sendHtml(reply, queueRows(ctx, rows).value);
  });

  // Server-sent events: "something changed" (the page then fetches its rows). Changes made in this process
  // arrive through the hub; changes made by another process sharing the database are found by polling.
  app.get('/console/events', async (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 5000\n\n');
    const send = (data: object) => res.write(`event: change\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = hub.subscribe((change) => send(change));
    const fingerprint = async () => (await core.listOpenTickets()).map((t) => `${t.id}:${t.updatedAt}:${t.status}`).join('|');
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
    }, settings.pollMs ?? 5000);
    timer.unref();
    res.on('close', () => {
      clearInterval(timer);
      unsubscribe();
    });
  });

  // --- one ticket ---

  app.get<{ Params: { id: string }; Querystring: { msg?: string } }>('/console/tickets/:id', async (request, reply) => {
    const ctx = pageCtx(request);
    const { user } = sessionOf(request);
    const { id } = ticketParams.parse(request.params);
    const ticket = await core.getTicket(id);
    if (!ticket) return sendHtml(reply, messagePage(ctx, ctx.t('msg_not_found'), ctx.t('msg_not_found')), 404);
    if (canSeeFullTranscript(user, ticket)) await audit(user.name, 'transcript.view', ticket.id);
    const msg = request.query.msg as Outcome | undefined;
    const message = msg && (OK_MESSAGES as readonly string[]).includes(msg) ? { text: ctx.t(`msg_${msg}`), kind: 'ok' as const }
      : msg && (REFUSALS as readonly string[]).includes(msg) ? { text: ctx.t(`msg_${msg}`, { owner: ownerLabel(ticket.owner) ?? ctx.t('nobody') }), kind: 'refused' as const }
      : undefined;
    return sendHtml(
      reply,
      ticketPage(ctx, {
        ticket,
        notes: await store.listNotes(ticket.id),
        colleagues: await store.listUsers(),
        ...(user.role === 'lead' ? { audit: await store.listAudit(50, ticket.id) } : {}),
        ...(message ? { message } : {}),
        replyMaxLength: replyMax,
      }),
    );
  });

  /** Runs a ticket action and redirects back to the ticket with its outcome (seen only by whoever acted). */
  function ticketAction(name: string, act: (request: FastifyRequest, ticketId: string) => Promise<Outcome>) {
    app.post<{ Params: { id: string } }>(`/console/tickets/:id/${name}`, async (request, reply) => {
      const { id } = ticketParams.parse(request.params);
      const outcome = await act(request, id);
      const user = sessionOf(request).user.name;
      await audit(user, (OK_MESSAGES as readonly string[]).includes(outcome) ? name : `${name}_refused`, id, (REFUSALS as readonly string[]).includes(outcome) ? outcome : undefined);
      if ((OK_MESSAGES as readonly string[]).includes(outcome)) hub.publish({ ticketId: id });
      return reply.redirect(`/console/tickets/${encodeURIComponent(id)}?msg=${outcome}`, 303);
    });
  }

  /** Why an action on this ticket is refused, or undefined when the user may act. */
  async function refusal(request: FastifyRequest, id: string): Promise<Outcome | undefined> {
    const ticket = await core.getTicket(id);
    if (!ticket) return 'not_found';
    if (ticket.status === 'resolved') return 'is_resolved';
    return canAct(sessionOf(request).user, ticket) ? undefined : 'not_owner';
  }

  ticketAction('claim', async (request, id) => {
    const result = await core.claim(id, ownerIdOf(sessionOf(request).user));
    if (result.ok) return 'claimed';
    return result.reason === 'resolved' ? 'is_resolved' : result.reason;
  });

  // A double click sends the form twice: the same text from the same person to the same ticket within
  // a few seconds is taken as one reply, so the worker gets it once.
  const recentReplies = new Map<string, number>();
  const REPLY_DEDUPE_MS = 10_000;

  ticketAction('reply', async (request, id) => {
    const { text, max } = textBody(replyMax).parse(request.body ?? {});
    if (!text) return 'empty';
    if (text.length > max) return 'too_long';
    const refused = await refusal(request, id);
    if (refused) return refused;
    const user = sessionOf(request).user;
    const key = `${user.name}\u0000${id}\u0000${text}`;
    for (const [k, at] of recentReplies) if (now() - at >= REPLY_DEDUPE_MS) recentReplies.delete(k);
    if (recentReplies.has(key)) return 'replied';
    if (!(await core.staffReply(id, ownerIdOf(user), text))) return 'is_resolved';
    recentReplies.set(key, now());
    return 'replied';
  });

  ticketAction('resolve', async (request, id) => {
    const refused = await refusal(request, id);
    if (refused) return refused;
    return (await core.resolve(id, ownerIdOf(sessionOf(request).user))) ? 'resolved' : 'is_resolved';
  });

  ticketAction('note', async (request, id) => {
    const { text } = textBody(2000).parse(request.body ?? {});
    if (!text) return 'empty';
    if (text.length > 2000) return 'too_long';
    if (!(await core.getTicket(id))) return 'not_found';
    await store.addNote(id, sessionOf(request).user.name, text, now());
    return 'note_added';
  });

  ticketAction('handover', async (request, id) => {
    const to = z.object({ to: z.string().min(1).max(64) }).safeParse(request.body);
    const colleague = to.success ? await store.getUser(to.data.to) : undefined;
    if (!colleague || colleague.disabled) return 'bad_colleague';
    const ticket = await core.getTicket(id);
    if (!ticket) return 'not_found';
    if (ticket.status === 'resolved') return 'is_resolved';
    if (ticket.status !== 'claimed') return 'not_claimed';
    if (!canHandOver(sessionOf(request).user, ticket)) return 'not_owner';
    const moved = await handOverTicket(settings.tickets, id, ticket.owner, ownerIdOf(colleague), now());
    return moved ? 'handed_over' : 'bad_colleague';
  });

  // --- dashboard, knowledge, audit ---

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
    return sendHtml(reply, knowledgePage(pageCtx(request), await dashboardFor(days), days, existsSync(config.CONSOLE_EVAL_REPORT)));
  });

  app.get('/console/eval-report', async (_request, reply) => {
    if (!existsSync(config.CONSOLE_EVAL_REPORT)) return reply.status(404).type('text/plain; charset=utf-8').send('no eval report yet: run npm run eval');
    return reply.header('content-security-policy', REPORT_CSP).type('text/html; charset=utf-8').send(readFileSync(config.CONSOLE_EVAL_REPORT, 'utf8'));
  });

  app.get('/console/audit', async (request, reply) => {
    const ctx = pageCtx(request);
    if (sessionOf(request).user.role !== 'lead') return sendHtml(reply, messagePage(ctx, ctx.t('audit_title'), ctx.t('forbidden')), 403);
    return sendHtml(reply, auditPage(ctx, await store.listAudit(500)));
  });

  app.setNotFoundHandler(async (_request, reply) => reply.status(404).type('text/plain; charset=utf-8').send('not found'));
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : error instanceof z.ZodError ? 400 : 500;
    if (status === 500) log?.error({ err: error.message, path: request.url.split('?')[0] }, 'console request failed');
    return reply.status(status).type('text/plain; charset=utf-8').send(status === 500 ? 'internal error' : 'bad request');
  });

  return app;
}
