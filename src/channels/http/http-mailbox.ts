import type { WorkerSender } from '../../conversation/types.js';
import type { TicketStore } from '../../stores/ticket-store.js';

/**
 * The HTTP channel cannot push: staff replies for a web-widget user wait in
 * the store's inbox (so a restart loses none) and are returned with that
 * user's next request, or from GET /v1/users/:id/inbox.
 */
export class HttpMailbox implements WorkerSender {
  readonly channel = 'http' as const;

  constructor(private readonly store: TicketStore) {}

  async send(conversationId: string, text: string): Promise<void> {
    await this.store.pushInbox(conversationId, text, Date.now());
  }

  take(conversationId: string): Promise<string[]> {
    return this.store.takeInbox(conversationId);
  }
}
