import type { App } from '@slack/bolt';
import type { Ticket } from '../../conversation/types.js';

/** Message metadata that marks a ticket's post, so the post can be found again. */
export const TICKET_EVENT_TYPE = 'gonghui_ticket';

export function ticketMetadata(ticket: Ticket): { event_type: string; event_payload: { ticket_id: string } } {
  return { event_type: TICKET_EVENT_TYPE, event_payload: { ticket_id: ticket.id } };
}

/**
 * Finds a ticket's earlier post in the staff channel: an instance that died
 * after posting but before recording the ts leaves one behind, and posting
 * again would show staff the case twice. Reads the channel history since
 * shortly before the ticket was opened (needs the `channels:history` scope,
 * or `groups:history` for a private channel).
 */
export async function findTicketPost(client: App['client'], channel: string, ticket: Ticket): Promise<{ channel: string; ts: string } | undefined> {
  const res = await client.conversations.history({ channel, oldest: String(Math.floor(ticket.createdAt / 1000) - 60), include_all_metadata: true, limit: 200 });
  const hit = res.messages?.find((m) => m.metadata?.event_type === TICKET_EVENT_TYPE && (m.metadata.event_payload as Record<string, unknown> | undefined)?.ticket_id === ticket.id);
  return hit?.ts ? { channel, ts: hit.ts } : undefined;
}
