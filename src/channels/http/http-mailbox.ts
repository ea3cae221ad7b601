import type { WorkerSender } from '../../conversation/types.js';
import type { InboxMessage, TicketStore } from '../../conversation/ticket-store.js';

/**
 * The HTTP channel cannot push: staff replies for a web-widget user wait in
 * the store's inbox (so a restart loses none) and are returned with that
 * user's next request, or from GET /v1/users/:id/inbox, until acknowledged.
 */
export class HttpMailbox implements WorkerSender {
  readonly channel = 'http' as const;

  constructor(private readonly store: TicketStore) {}

  async send(conversationId: string, text: string): Promise<void> {
    await this.store.pushInbox(conversationId, text, Date.now());
  }

  /** Waiting messages; they stay until {@link HttpMailbox.ack} (a read that never reached the worker loses nothing). */
  read(conversationId: string): Promise<InboxMessage[]> {
    return this.store.readInbox(conversationId);
  }

  ack(conversationId: string, upToId: number): Promise<number> {
    return this.store.ackInbox(conversationId, upToId);
  }
}
