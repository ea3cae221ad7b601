import type { TicketStore } from '../../conversation/ticket-store.js';
import type { ChannelTexts, StaffNoteKey } from './channel-texts.js';

/** Posts a note for staff into a ticket's thread (through the outbox, so it survives a Slack outage). */
export interface StaffNotes {
  note(ticketId: string, key: StaffNoteKey, values: Readonly<Record<string, string>>): Promise<void>;
}

/** Staff notes as `ticket.thread` outbox events written with the bot role. */
export function createStaffNotes(
  store: Pick<TicketStore, 'enqueue'>,
  texts: ChannelTexts,
  now: () => number = Date.now,
): StaffNotes {
  return {
    note: (ticketId, key, values) =>
      store.enqueue('ticket.thread', ticketId, { role: 'bot', text: texts.staff(key, values) }, now()),
  };
}
