import type { ChannelName, WorkerSendContext } from '../../conversation/types.js';
import type { Logger } from '../../shared/logger.js';
import type { StaffNoteKey } from './channel-texts.js';
import type { ChannelStateStore } from './channel-state-store.js';
import { errorText } from '../../shared/error-text.js';
import { hashId } from './hash-id.js';
import type { StaffNotes } from './staff-notes.js';

/** The platform refused a message for a reason retrying cannot fix (window closed, unfollowed). */
export class DeliveryRefused extends Error {
  constructor(
    readonly reason: StaffNoteKey,
    detail: string,
  ) {
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

/** Refusals that end when the worker writes again: the message is held for then. */
const HOLDABLE = new Set<StaffNoteKey>(['window_closed', 'quota_exhausted']);

export interface GuardedSender {
  /** Sends each part with `sendOne` within the platform's rules; returns how many parts went out. */
  send(
    userId: string,
    parts: readonly string[],
    sendOne: (part: string) => Promise<void>,
    context?: WorkerSendContext,
  ): Promise<number>;
  /** Sends what was held for a worker who just wrote again (their window is open again). */
  flushHeld(userId: string, sendOne: (part: string) => Promise<void>): Promise<number>;
}

/**
 * Sends message parts to a worker within the platform's rules: nothing is
 * sent to a worker who unfollowed, or after the reply window closed or its
 * message allowance is used up (known from our own records, or from the
 * platform's refusal). Such a message is skipped with a log line and, when it
 * belongs to a ticket (a staff reply or notice), a note in the ticket's
 * thread for staff; a message stopped by the window is held and sent when the
 * worker writes again. It resolves, so the outbox does not retry what cannot
 * succeed. Other failures throw (the outbox retries them).
 */
export function createGuardedSender(settings: GuardedSenderSettings): GuardedSender {
  const { channel, state } = settings;
  const now = settings.now ?? Date.now;
  const log = settings.logger;

  async function refuse(
    userId: string,
    reason: StaffNoteKey,
    held: readonly string[],
    context: WorkerSendContext | undefined,
    detail: string,
  ): Promise<void> {
    const hold = context !== undefined && HOLDABLE.has(reason);
    if (hold) for (const part of held) state.hold(channel, userId, part, now());
    log?.warn(
      { channel, user: hashId(userId), ticket: context?.ticket.id, reason, held: hold ? held.length : 0, detail },
      'message to worker not sent',
    );
    if (!context || !settings.notes) return;
    const end = state.windowEnd(channel, userId);
    await settings.notes.note(context.ticket.id, reason, {
      channel,
      until: end ? new Date(end).toISOString() : 'unknown',
    });
  }

  async function send(
    userId: string,
    parts: readonly string[],
    sendOne: (part: string) => Promise<void>,
    context?: WorkerSendContext,
  ): Promise<number> {
    if (state.isUnsubscribed(channel, userId)) {
      await refuse(userId, 'unsubscribed', parts, context, 'worker unsubscribed');
      return 0;
    }
    let sent = 0;
    for (const part of parts) {
      const check = state.checkWindow(channel, userId, now());
      if (check === 'closed' || check === 'exhausted') {
        await refuse(
          userId,
          check === 'closed' ? 'window_closed' : 'quota_exhausted',
          parts.slice(sent),
          context,
          `${parts.length - sent} part(s) not sent`,
        );
        return sent;
      }
      try {
        await sendOne(part);
      } catch (error) {
        if (!(error instanceof DeliveryRefused)) throw error;
        if (error.reason === 'unsubscribed') state.setUnsubscribed(channel, userId, true, now());
        await refuse(userId, error.reason, parts.slice(sent), context, errorText(error));
        return sent;
      }
      state.countSent(channel, userId);
      sent += 1;
    }
    return sent;
  }

  return {
    send,
    async flushHeld(userId, sendOne) {
      const held = state.takeHeld(channel, userId);
      if (held.length === 0) return 0;
      log?.info({ channel, user: hashId(userId), held: held.length }, 'sending messages held for the reply window');
      // Anything the window stops again is held again (no ticket context needed: it was noted the first time).
      let sent = 0;
      for (const [index, part] of held.entries()) {
        const check = state.checkWindow(channel, userId, now());
        if (check === 'closed' || check === 'exhausted' || state.isUnsubscribed(channel, userId)) {
          for (const rest of held.slice(index)) state.hold(channel, userId, rest, now());
          return sent;
        }
        try {
          await sendOne(part);
        } catch (error) {
          for (const rest of held.slice(index)) state.hold(channel, userId, rest, now());
          log?.warn({ channel, user: hashId(userId), err: errorText(error) }, 'held message not sent; kept for later');
          return sent;
        }
        state.countSent(channel, userId);
        sent += 1;
      }
      return sent;
    },
  };
}
