import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toAskJson } from '../../cli/ask-output.js';
import type { ConversationCore } from '../../conversation/conversation-core.js';
import type { Metrics } from '../../shared/metrics.js';
import type { TicketStore } from '../../stores/ticket-store.js';
import type { HttpMailbox } from './http-mailbox.js';

const messageSchema = z.object({
  user_id: z.string().trim().min(1).max(128),
  // The body limit bounds the length; whitespace alone is not a question.
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty'),
  message_id: z.string().min(1).max(128).optional(),
});

export interface HttpServerSettings {
  readonly core: ConversationCore;
  readonly metrics: Metrics;
  readonly mailbox: HttpMailbox;
  /** Largest accepted request body in bytes. @default 16384 */
  readonly bodyLimit?: number;
  /** When given, /healthz reads it (503 when it fails) and reports open tickets and undelivered outbox events. */
  readonly store?: Pick<TicketStore, 'stats'>;
}

/**
 * HTTP API for a union website widget and load tests:
 * POST /v1/messages {user_id, text, message_id?} -> {replies, staff_messages};
 * GET /v1/users/:id/inbox; GET /healthz; GET /metrics (Prometheus text).
 * Bad requests get a 4xx with `{error}`: 400 malformed JSON or fields,
 * 413 body over `bodyLimit`, 415 not `application/json`.
 */
export function createHttpServer(settings: HttpServerSettings): FastifyInstance {
  const app = Fastify({ bodyLimit: settings.bodyLimit ?? 16_384, logger: false });
  // JSON only: other content types get 415 instead of being parsed as text.
  app.removeContentTypeParser('text/plain');

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
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4').send(settings.metrics.render()));

  app.post('/v1/messages', async (request, reply) => {
    const parsed = messageSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply.status(400).send({ error: `${issue?.path.join('.') || 'body'}: ${issue?.message}` });
    }
    const { user_id: userId, text, message_id: messageId } = parsed.data;
    const replies = await settings.core.handle({
      channel: 'http',
      conversationId: userId,
      userId,
      messageId: messageId ?? randomUUID(),
      kind: 'text',
      text,
      timestamp: Date.now(),
    });
    return {
      replies: replies.map((r) => ({ text: r.text, ...(r.answer ? { answer: toAskJson(r.answer, 0) } : {}) })),
      staff_messages: await settings.mailbox.take(userId),
    };
  });

  app.get<{ Params: { id: string } }>('/v1/users/:id/inbox', async (request) => ({ staff_messages: await settings.mailbox.take(request.params.id) }));

  return app;
}
