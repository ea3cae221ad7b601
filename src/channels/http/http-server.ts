import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toAskJson } from '../../core/answer-output.js';
import type { ConversationCore } from '../../conversation/conversation-core.js';
import type { Metrics } from '../../shared/metrics.js';
import type { TicketStore } from '../../conversation/ticket-store.js';
import { authenticate, namespacedUser, type HttpAuth, type Principal } from './http-auth.js';
import type { HttpMailbox } from './http-mailbox.js';
import { registerTranscriptPage } from './transcript-page.js';
import { mintUserToken } from './user-token.js';

const userIdSchema = z.string().trim().min(1).max(128);
const messageSchema = z.object({
  // Optional with a user token (the token names the worker); required with an API key.
  user_id: userIdSchema.optional(),
  // The body limit bounds the length; whitespace alone is not a question.
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty'),
  message_id: z.string().min(1).max(128).optional(),
});
const tokenRequestSchema = z.object({ user_id: userIdSchema });
const ackSchema = z.object({ up_to: z.number().int().min(0) });

export interface HttpServerSettings {
  readonly core: ConversationCore;
  readonly metrics: Metrics;
  readonly mailbox: HttpMailbox;
  /** Largest accepted request body in bytes. @default 16384 */
  readonly bodyLimit?: number;
  /** When given, /healthz reads it (503 when it fails) and reports open tickets and undelivered outbox events. */
  readonly store?: Pick<TicketStore, 'stats'>;
  /**
   * Authentication of /v1. Without it the API is open and user ids are taken
   * as given: only for tests and load tests on loopback (main always passes it
   * unless HTTP_AUTH=off).
   */
  readonly auth?: HttpAuth;
  /** Bearer token for /metrics; without it /metrics answers loopback callers only. */
  readonly metricsToken?: string;
  /** Browser origins (e.g. https://union.example) allowed to call /v1 with a user token (CORS). @default none */
  readonly corsOrigins?: readonly string[];
  /** The staff transcript page behind signed, expiring links (GET /staff/tickets/:id). */
  readonly transcriptPage?: Parameters<typeof registerTranscriptPage>[1];
}

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message}`;
}

/**
 * HTTP API for a union website widget or app:
 * POST /v1/messages {user_id?, text, message_id?} -> {replies, staff_messages};
 * POST /v1/user-tokens {user_id} -> {token, expires_at} (API key only);
 * GET /v1/users/:id/inbox -> {staff_messages: [{id, text, at}]};
 * POST /v1/users/:id/inbox/ack {up_to} -> {acknowledged};
 * GET /healthz; GET /metrics (Prometheus text, token or loopback).
 * With `auth`, /v1 needs `Authorization: Bearer <API key or user token>`
 * (401 otherwise) and a caller reaches only its own workers (ids namespaced
 * by integration; 403 for another worker with a user token). A repeated
 * message_id gets the original replies. Rate-limited messages get 429 with
 * Retry-After. Bad requests get a 4xx with `{error}`: 400 malformed JSON or
 * fields, 413 body over `bodyLimit`, 415 not `application/json`.
 */
export function createHttpServer(settings: HttpServerSettings): FastifyInstance {
  const app = Fastify({ bodyLimit: settings.bodyLimit ?? 16_384, logger: false });
  // JSON only: other content types get 415 instead of being parsed as text.
  app.removeContentTypeParser('text/plain');
  const auth = settings.auth;

  app.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const message =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `request body is larger than ${settings.bodyLimit ?? 16_384} bytes`
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'content-type must be application/json'
          : status === 500
            ? 'internal error'
            : error.message;
    void reply.status(status).send({ error: message });
  });

  /** The caller, or undefined after answering 401. Open mode: an anonymous principal. */
  function principalOf(request: FastifyRequest, reply: FastifyReply): Principal | undefined | null {
    if (!auth) return null;
    const p = authenticate(auth, request);
    if (!p) {
      void reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'missing or invalid credentials: send Authorization: Bearer <API key or user token>' });
      return undefined;
    }
    return p;
  }

  /** The conversation id of `requested` for this caller, or undefined after answering 400/403. */
  function conversationOf(
    principal: Principal | null,
    requested: string | undefined,
    reply: FastifyReply,
  ): string | undefined {
    if (principal === null) {
      if (requested) return requested;
      void reply.status(400).send({ error: 'user_id: required' });
      return undefined;
    }
    if (principal.userId !== undefined) {
      if (requested !== undefined && requested !== principal.userId) {
        void reply.status(403).send({ error: 'this user token is for another user' });
        return undefined;
      }
      return namespacedUser(principal.integration, principal.userId);
    }
    if (!requested) {
      void reply.status(400).send({ error: 'user_id: required with an API key' });
      return undefined;
    }
    return namespacedUser(principal.integration, requested);
  }

  if (settings.transcriptPage) registerTranscriptPage(app, settings.transcriptPage);

  // CORS for the union's own web pages only: other origins get no CORS headers, so browsers refuse them.
  const origins = new Set(settings.corsOrigins ?? []);
  if (origins.size > 0) {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (!origin || !origins.has(origin) || !request.url.startsWith('/v1/')) return;
      void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      if (request.method === 'OPTIONS') {
        return reply
          .status(204)
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', 'authorization, content-type')
          .header('access-control-max-age', '600')
          .send();
      }
    });
  }

  app.get('/healthz', async (_request, reply) => {
    if (!settings.store) return { status: 'ok' };
    try {
      const stats = await settings.store.stats();
      // A growing outbox means Slack or a channel is unreachable: visible here without reading logs.
      return { status: 'ok', open_tickets: stats.openTickets, pending_outbox: stats.pendingOutbox };
    } catch {
      return reply.status(503).send({ status: 'unavailable', error: 'ticket store is not readable' });
    }
  });

  app.get('/metrics', async (request, reply) => {
    const token = settings.metricsToken;
    // Behind a local reverse proxy every request comes from loopback: a forwarded request is not a local one.
    const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
    const allowed = token ? request.headers.authorization === `Bearer ${token}` : isLoopback(request.ip) && !proxied;
    if (!allowed)
      return reply.status(token ? 401 : 403).send({
        error: token
          ? 'metrics need Authorization: Bearer <METRICS_TOKEN>'
          : 'metrics are served to loopback only (set METRICS_TOKEN to allow others)',
      });
    return reply.type(settings.metrics.contentType).send(await settings.metrics.render());
  });

  app.post('/v1/messages', async (request, reply) => {
    const principal = principalOf(request, reply);
    if (principal === undefined) return reply;
    const parsed = messageSchema.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: firstIssue(parsed.error) });
    const { user_id: requested, text, message_id: messageId } = parsed.data;
    const conversationId = conversationOf(principal, requested, reply);
    if (conversationId === undefined) return reply;
    const result = await settings.core.receive({
      channel: 'http',
      conversationId,
      userId: conversationId,
      messageId: messageId ?? randomUUID(),
      kind: 'text',
      text,
      timestamp: Date.now(),
    });
    const body = {
      replies: result.replies.map((r) => ({ text: r.text, ...(r.answer ? { answer: toAskJson(r.answer, 0) } : {}) })),
      ...(result.status === 'repeat' ? { repeated: true } : {}),
      ...(result.ticketId ? { ticket_id: result.ticketId } : {}),
      staff_messages: await settings.mailbox.read(conversationId),
    };
    if (result.status === 'rate_limited') {
      const seconds = Math.max(1, Math.ceil((result.retryAfterMs ?? 60_000) / 1000));
      return reply
        .status(429)
        .header('retry-after', String(seconds))
        .send({ error: `too many messages from this user: send it again (same message_id) in ${seconds} s`, ...body });
    }
    return body;
  });

  app.post('/v1/user-tokens', async (request, reply) => {
    const principal = principalOf(request, reply);
    if (principal === undefined) return reply;
    if (!auth?.userTokenSecret || principal === null)
      return reply.status(404).send({ error: 'user tokens are not enabled (set API_TOKEN_SECRET)' });
    if (principal.userId !== undefined) return reply.status(403).send({ error: 'a user token cannot mint tokens' });
    const parsed = tokenRequestSchema.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: firstIssue(parsed.error) });
    const expiresAt = Math.floor(Date.now() / 1000) + (auth.userTokenTtlSeconds ?? 3600);
    return {
      token: mintUserToken(auth.userTokenSecret, {
        integration: principal.integration,
        userId: parsed.data.user_id,
        expiresAt,
      }),
      expires_at: expiresAt,
    };
  });

  app.get<{ Params: { id: string } }>('/v1/users/:id/inbox', async (request, reply) => {
    const principal = principalOf(request, reply);
    if (principal === undefined) return reply;
    const conversationId = conversationOf(principal, request.params.id, reply);
    if (conversationId === undefined) return reply;
    return { staff_messages: await settings.mailbox.read(conversationId) };
  });

  app.post<{ Params: { id: string } }>('/v1/users/:id/inbox/ack', async (request, reply) => {
    const principal = principalOf(request, reply);
    if (principal === undefined) return reply;
    const parsed = ackSchema.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: firstIssue(parsed.error) });
    const conversationId = conversationOf(principal, request.params.id, reply);
    if (conversationId === undefined) return reply;
    return { acknowledged: await settings.mailbox.ack(conversationId, parsed.data.up_to) };
  });

  return app;
}
