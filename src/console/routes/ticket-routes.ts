import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { handOverTicket } from '../hand-over.js';
import { messagePage } from '../pages/audit-page.js';
import { ticketPage } from '../pages/ticket-page.js';
import { canAct, canHandOver, canSeeFullTranscript, ownerIdOf, ownerLabel } from '../ticket-rules.js';
import type { RouteContext } from './route-context.js';

const OK_MESSAGES = ['claimed', 'replied', 'resolved', 'note_added', 'handed_over'] as const;
const REFUSALS = [
  'already_claimed',
  'is_resolved',
  'not_found',
  'not_owner',
  'empty',
  'too_long',
  'bad_colleague',
  'not_claimed',
] as const;
type Outcome = (typeof OK_MESSAGES)[number] | (typeof REFUSALS)[number];

const textBody = (max: number) =>
  z.object({ text: z.string().max(100_000) }).transform((b) => ({ text: b.text.trim(), max }));
const ticketParams = z.object({ id: z.string().min(1).max(64) });

/**
 * One ticket: its page, and claim / reply / resolve (through the conversation
 * core, as in Slack), notes and hand-over. Every action redirects back to the
 * ticket with its outcome, which only the person who acted sees.
 */
export function registerTicketRoutes(c: RouteContext): void {
  const { app, now, sessionOf, pageCtx, sendHtml, audit } = c;
  const { core, store, hub } = c.settings;
  const replyMax = c.settings.replyMaxLength ?? 1800;
  app.get<{ Params: { id: string }; Querystring: { msg?: string } }>('/console/tickets/:id', async (request, reply) => {
    const ctx = pageCtx(request);
    const { user } = sessionOf(request);
    const { id } = ticketParams.parse(request.params);
    const ticket = await core.getTicket(id);
    if (!ticket) return sendHtml(reply, messagePage(ctx, ctx.t('msg_not_found'), ctx.t('msg_not_found')), 404);
    if (canSeeFullTranscript(user, ticket)) await audit(user.name, 'transcript.view', ticket.id);
    const msg = request.query.msg as Outcome | undefined;
    const message =
      msg && (OK_MESSAGES as readonly string[]).includes(msg)
        ? { text: ctx.t(`msg_${msg}`), kind: 'ok' as const }
        : msg && (REFUSALS as readonly string[]).includes(msg)
          ? {
              text: ctx.t(`msg_${msg}`, { owner: ownerLabel(ticket.owner) ?? ctx.t('nobody') }),
              kind: 'refused' as const,
            }
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
      await audit(
        user,
        (OK_MESSAGES as readonly string[]).includes(outcome) ? name : `${name}_refused`,
        id,
        (REFUSALS as readonly string[]).includes(outcome) ? outcome : undefined,
      );
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
    // A reply from the console to an unclaimed ticket claims it first (the core only takes replies
    // from its owner or a lead).
    const before = await core.getTicket(id);
    if (before && before.status === 'open' && !before.owner) await core.claim(id, ownerIdOf(user));
    const sent = await core.staffReply(id, ownerIdOf(user), text);
    if (!sent.ok)
      return sent.reason === 'not_owner' ? 'not_owner' : sent.reason === 'not_found' ? 'not_found' : 'is_resolved';
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
    const moved = await handOverTicket(c.settings.tickets, id, ticket.owner, ownerIdOf(colleague), now());
    return moved ? 'handed_over' : 'bad_colleague';
  });
}
