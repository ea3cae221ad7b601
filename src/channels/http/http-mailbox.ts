import type { WorkerSender } from '../../conversation/types.js';

/**
 * The HTTP channel cannot push: staff replies for a web-widget user wait in
 * this mailbox and are returned with that user's next request (or fetched
 * from GET /v1/users/:id/inbox).
 */
export class HttpMailbox implements WorkerSender {
  readonly channel = 'http' as const;
  private readonly boxes = new Map<string, string[]>();

  async send(conversationId: string, text: string): Promise<void> {
    this.boxes.set(conversationId, [...(this.boxes.get(conversationId) ?? []), text]);
  }

  take(conversationId: string): string[] {
    const messages = this.boxes.get(conversationId) ?? [];
    this.boxes.delete(conversationId);
    return messages;
  }
}
