import type { Lang } from '../../core/types.js';
import type { ChannelName } from '../../conversation/types.js';
import type { Logger } from '../../shared/logger.js';
import { splitMessage } from '../wechat/split-message.js';
import { BackgroundTasks, type ChannelPort } from './channel-adapter.js';
import type { ChannelStateStore } from './channel-state-store.js';
import type { ChannelTexts } from './channel-texts.js';
import { createGuardedSender, type GuardedSender } from './guarded-send.js';
import { withRetry } from './retry.js';
import type { StaffNotes } from './staff-notes.js';

/** What every platform adapter takes besides its platform's own configuration. */
export interface PlatformAdapterSettings {
  readonly port: ChannelPort;
  readonly state: ChannelStateStore;
  readonly texts: ChannelTexts;
  /** Staff notes for undeliverable staff replies. */
  readonly notes?: StaffNotes;
  /** The worker's language so far (for the welcome of a returning worker). */
  readonly conversationLanguage?: (conversationId: string) => Promise<Lang | undefined>;
  readonly logger?: Logger;
  readonly now?: () => number;
  /** Pause before retrying a failed bot answer. @default 500 */
  readonly retryBaseMs?: number;
}

export interface AdapterKit {
  readonly now: () => number;
  readonly guarded: GuardedSender;
  readonly tasks: BackgroundTasks;
  /** The text in parts the platform accepts. */
  split(text: string): string[];
  /** The worker's language so far, else the channel's configured one. */
  languageOf(conversationId: string): Promise<Lang>;
  /** Sends bot answer parts within the platform's rules, retrying transient failures. */
  sendWithRetry(
    conversationId: string,
    parts: readonly string[],
    sendOne: (part: string) => Promise<void>,
  ): Promise<number>;
}

/** The plumbing the WeChat OA, WeCom KF and Zalo adapters share. */
export function createAdapterKit(
  channel: ChannelName,
  settings: PlatformAdapterSettings & { readonly language: Lang; readonly maxMessageLength: number },
): AdapterKit {
  const now = settings.now ?? Date.now;
  const guarded = createGuardedSender({
    channel,
    state: settings.state,
    ...(settings.notes ? { notes: settings.notes } : {}),
    ...(settings.logger ? { logger: settings.logger } : {}),
    now,
  });
  return {
    now,
    guarded,
    tasks: new BackgroundTasks(),
    split: (text) => splitMessage(text, settings.maxMessageLength),
    languageOf: async (conversationId) =>
      (await settings.conversationLanguage?.(conversationId).catch(() => undefined)) ?? settings.language,
    sendWithRetry: (conversationId, parts, sendOne) =>
      withRetry(() => guarded.send(conversationId, parts, sendOne), { baseMs: settings.retryBaseMs ?? 500 }),
  };
}
