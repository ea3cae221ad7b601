import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StaffSession, UiLang } from '../stores/console-store.js';
import { messagePage } from './pages/audit-page.js';
import type { PageContext } from './pages/layout.js';
import { loginPage } from './pages/login-page.js';
import { registerQueueRoutes } from './routes/queue-routes.js';
import { registerReportRoutes } from './routes/report-routes.js';
import type { ConsoleAppSettings, RouteContext } from './routes/route-context.js';
import { registerTicketRoutes } from './routes/ticket-routes.js';
import { Authenticator, LOGIN_CSRF_COOKIE, newToken, SESSION_COOKIE, tokensEqual } from './session-auth.js';
import { langFromAcceptLanguage, uiLangSchema } from './ui-texts.js';

export type { ConsoleAppSettings, ConsolePort } from './routes/route-context.js';

const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
].join('; ');

const loginBody = z.object({
  name: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  _csrf: z.string().min(1),
  lang: uiLangSchema.optional(),
});
const csrfBody = z.looseObject({ _csrf: z.string().min(1) });

/**
 * The staff console: a small server-rendered fastify app under `/console`.
 * Sign-in with local accounts, session cookies (HttpOnly, SameSite=Strict)
 * and a CSRF token on every POST. Ticket actions go through the conversation
 * core, so the Slack desk and the console share one state and the worker
 * gets each reply once, through the outbox.
 */
export function createConsoleApp(settings: ConsoleAppSettings): FastifyInstance {
  const { store, texts, config } = settings;
  const now = settings.now ?? Date.now;
  const log = settings.logger;
  const offsetMinutes = config.CONSOLE_UTC_OFFSET_MINUTES;
  const lifetimeMs = config.CONSOLE_SESSION_HOURS * 3_600_000;
  const auth = new Authenticator(store, now);
  const assets = {
    'console.css': { body: readFileSync(join(ASSETS_DIR, 'console.css'), 'utf8'), type: 'text/css; charset=utf-8' },
    'console.js': {
      body: readFileSync(join(ASSETS_DIR, 'console.js'), 'utf8'),
      type: 'text/javascript; charset=utf-8',
    },
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
  const sendHtml = (reply: FastifyReply, page: string, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').send(page);
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
      if (request.method === 'GET' && !path.endsWith('/rows') && path !== '/console/events')
        return reply.redirect('/console/login', 303);
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
    const asset =
      request.params.name === 'console.css' || request.params.name === 'console.js'
        ? assets[request.params.name]
        : undefined;
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
    const lang =
      body.success && body.data.lang ? body.data.lang : langFromAcceptLanguage(request.headers['accept-language']);
    const t = texts.forLang(lang);
    if (!body.success || !tokensEqual(body.data._csrf, request.cookies[LOGIN_CSRF_COOKIE]))
      return showLogin(reply, lang, t(body.success ? 'csrf_failed' : 'login_failed'), 400);
    const result = await auth.login(body.data.name, body.data.password);
    if (!result.ok) {
      await audit(body.data.name.slice(0, 64), result.reason === 'locked' ? 'login_locked' : 'login_failed');
      return showLogin(reply, lang, t(result.reason === 'locked' ? 'login_locked' : 'login_failed'), 401);
    }
    const { token } = await auth.startSession(result.user, lifetimeMs);
    await audit(result.user.name, 'login');
    log?.info({ staff: result.user.name }, 'console sign-in');
    void reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/console/login' });
    void reply.setCookie(SESSION_COOKIE, token, {
      ...cookieBase,
      path: '/console',
      maxAge: Math.floor(lifetimeMs / 1000),
    });
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

  const routes: RouteContext = { app, settings, auth, now, offsetMinutes, sessionOf, ctxFor, pageCtx, sendHtml, audit };
  registerQueueRoutes(routes);
  registerTicketRoutes(routes);
  registerReportRoutes(routes);

  app.setNotFoundHandler(async (_request, reply) =>
    reply.status(404).type('text/plain; charset=utf-8').send('not found'),
  );
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : error instanceof z.ZodError
          ? 400
          : 500;
    if (status === 500) log?.error({ err: error.message, path: request.url.split('?')[0] }, 'console request failed');
    return reply
      .status(status)
      .type('text/plain; charset=utf-8')
      .send(status === 500 ? 'internal error' : 'bad request');
  });

  return app;
}
