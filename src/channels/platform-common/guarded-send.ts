import type { ChannelName, WorkerSendContext } from '../../conversation/types.js';
import type { Logger } from '../../shared/logger.js';
import type { StaffNoteKey } from './channel-texts.js';
import type { ChannelStateStore } from './channel-state-store.js';
import { errorText, hashId } from './hash-id.js';
import type { StaffNotes } from './staff-notes.js';

/** The platform refused a message for a reason retrying cannot fix (window closed, unfollowed). */
export class DeliveryRefused extends Error {
  constructor(readonly reason: StaffNoteKey, detail: string) {
    super(detail);
    this.name = 'DeliveryRefused';
  }
}

export interface GuardedSenderSettings {
  readonly channel: ChannelName;
  readonly state: ChannelStateStore;
  readonly notes?: StaffNotes;
  readonly logger?: Logger;
  readonly now?: () => number;
}

/**
 * Sends message parts to a worker within the platform's rules: nothing is
 * sent to a worker who unfollowed, or after the reply window closed or its
 * message allowance is used up (known from our own records, or from the
 * platform's refusal). Such a message is skipped with a log line and, when it
 * belongs to a ticket, a note in the ticket's thread for staff; it resolves
 * so the outbox does not retry what cannot succeed. Other failures throw
 * (the outbox retries them).
 */
export function createGuardedSender(settings: GuardedSenderSettings) {
  const { channel, state } = settings;
  const now = settings.now ?? Date.now;
  const log = settings.logger;

  async function refuse(userId: string, reason: StaffNoteKey, context: WorkerSendContext | undefined, detail: string): Promise<void> {
    log?.warn({ channel, user: hashId(userId), ticket: context?.ticket.id, reason, detail }, 'message to worker not sent');
    if (!context || !settings.notes) return;
    const end = state.windowEnd(channel, userId);
    await settings.notes.note(context.ticket.id, reason, { channel, until: end ? new Date(end).toISOString() : 'unknown' });
  }

  /** Sends each part with `sendOne`; returns how many parts went out. */
  return async function send(userId: string, parts: readonly string[], sendOne: (part: string) => Promise<void>, context?: WorkerSendContext): Promise<number> {
    if (state.isUnsubscribed(channel, userId)) {
      await refuse(userId, 'unsubscribed', context, 'worker unsubscribed');
      return 0;
    }
    let sent = 0;
    for (const part of parts) {
      const check = state.checkWindow(channel, userId, now());
      if (check === 'closed' || check === 'exhausted') {
        await refuse(userId, check === 'closed' ? 'window_closed' : 'quota_exhausted', context, `${parts.length - sent} part(s) held back`);
        return sent;
      }
      try {
        await sendOne(part);
      } catch (error) {
        if (!(error instanceof DeliveryRefused)) throw error;
        if (error.reason === 'unsubscribed') state.setUnsubscribed(channel, userId, true, now());
        await refuse(userId, error.reason, context, errorText(error));
        return sent;
      }
      state.countSent(channel, userId);
      sent += 1;
    }
    return sent;
  };
}

export type GuardedSend = ReturnType<typeof createGuardedSender>;
