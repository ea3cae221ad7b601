import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { findTicketPost, ticketMetadata } from '../../../src/channels/slack/find-ticket-post.js';
import type { Ticket } from '../../../src/conversation/types.js';

const ticket = { id: 'T20261130-ABC123', createdAt: 1_764_460_800_000 } as Ticket;

function clientWith(messages: unknown[], seen: Record<string, unknown>[] = []): App['client'] {
  const history = async (args: Record<string, unknown>) => {
    seen.push(args);
    return { ok: true, messages };
  };
  return { conversations: { history } } as unknown as App['client'];
}

describe('findTicketPost', () => {
  it('finds the post carrying the ticket id in its metadata, reading history from just before the ticket opened', async () => {
    const seen: Record<string, unknown>[] = [];
    const messages = [
      { ts: '1.1', metadata: ticketMetadata({ ...ticket, id: 'T-OTHER' }) },
      { ts: '1.2', text: 'no metadata' },
      { ts: '1.3', metadata: ticketMetadata(ticket) },
    ];
    expect(await findTicketPost(clientWith(messages, seen), 'C1', ticket)).toEqual({ channel: 'C1', ts: '1.3' });
    expect(seen[0]).toMatchObject({ channel: 'C1', include_all_metadata: true, oldest: String(1_764_460_800 - 60) });
  });

  it('returns undefined when the ticket was never posted', async () => {
    expect(await findTicketPost(clientWith([{ ts: '1.1', metadata: ticketMetadata({ ...ticket, id: 'T-OTHER' }) }]), 'C1', ticket)).toBeUndefined();
    expect(await findTicketPost(clientWith([]), 'C1', ticket)).toBeUndefined();
  });
});
