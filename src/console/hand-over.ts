import type { Ticket } from '../conversation/types.js';
import type { TicketStore } from '../conversation/ticket-store.js';

/**
 * Gives a claimed ticket to a colleague. The Slack message is refreshed
 * through the outbox (same transaction); the worker's conversation stays
 * with a person, so nothing is sent to the worker.
 */
export async function handOverTicket(
  store: Pick<TicketStore, 'updateTicket'>,
  ticketId: string,
  fromOwner: string | undefined,
  toOwner: string,
  at: number,
): Promise<Ticket | undefined> {
  const result = await store.updateTicket(ticketId, (t) =>
    t.status !== 'claimed' || t.owner !== fromOwner || t.owner === toOwner
      ? undefined
      : { ticket: { ...t, owner: toOwner, updatedAt: at }, events: [{ kind: 'ticket.update', payload: {} }] },
  );
  return result.changed ? result.ticket : undefined;
}
