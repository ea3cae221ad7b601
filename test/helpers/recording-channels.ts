import type { ChannelName, StaffDesk, Ticket, WorkerSender } from '../../src/conversation/types.js';

/** A staff desk that records what it was asked to post. */
export class RecordingDesk implements StaffDesk {
  readonly posted: Ticket[] = [];
  readonly updated: Ticket[] = [];
  readonly thread: { ticketId: string; text: string }[] = [];
  readonly reminders: string[] = [];
  failNext = 0;

  async postTicket(ticket: Ticket) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('slack down');
    }
    this.posted.push(ticket);
    return { channel: 'C1', ts: `${this.posted.length}.000` };
  }
  async updateTicket(ticket: Ticket) {
    this.updated.push(ticket);
  }
  async postToThread(ticket: Ticket, text: string) {
    this.thread.push({ ticketId: ticket.id, text });
  }
  async remind(ticket: Ticket) {
    this.reminders.push(ticket.id);
  }
}

export class RecordingSender implements WorkerSender {
  readonly sent: { conversationId: string; text: string }[] = [];
  constructor(readonly channel: ChannelName) {}
  async send(conversationId: string, text: string) {
    this.sent.push({ conversationId, text });
  }
}
