import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConversationCore } from '../../conversation/conversation-core.js';
import type { Logger } from '../../shared/logger.js';
import type { ConsoleStore, StaffSession, UiLang } from '../../stores/console-store.js';
import type { TicketStore } from '../../conversation/ticket-store.js';
import type { ConsoleConfig } from '../console-config.js';
import type { LiveHub } from '../live-hub.js';
import type { PageContext } from '../pages/layout.js';
import type { Authenticator } from '../session-auth.js';
import type { UiTexts } from '../ui-texts.js';

/** What the console needs from the conversation core: the same calls the Slack desk makes. */
export type ConsolePort = Pick<ConversationCore, 'claim' | 'staffReply' | 'resolve' | 'listOpenTickets' | 'getTicket'>;

export interface ConsoleAppSettings {
  readonly core: ConsolePort;
  /** For hand-over (owner change + Slack refresh in one transaction). */
  readonly tickets: Pick<TicketStore, 'updateTicket'>;
  readonly store: ConsoleStore;
  readonly texts: UiTexts;
  readonly hub: LiveHub;
  readonly config: Pick<
    ConsoleConfig,
    'CONSOLE_SESSION_HOURS' | 'CONSOLE_SECURE_COOKIES' | 'CONSOLE_UTC_OFFSET_MINUTES' | 'CONSOLE_EVAL_REPORT'
  >;
  /** Longest staff reply (the worker's channel limit, as in Slack). @default 1800 */
  readonly replyMaxLength?: number;
  /**
   * How often open event streams look for changes made by another process
   * (the Slack desk in `npm run serve`).
   * @default 5000
   */
  readonly pollMs?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
}

/** Shared by the route groups: settings, the signed-in session of a request, rendering and audit helpers. */
export interface RouteContext {
  readonly app: FastifyInstance;
  readonly settings: ConsoleAppSettings;
  readonly auth: Authenticator;
  readonly now: () => number;
  readonly offsetMinutes: number;
  /** The session the preHandler found; routes behind sign-in only. */
  sessionOf(request: FastifyRequest): StaffSession;
  ctxFor(lang: UiLang, session?: StaffSession): PageContext;
  pageCtx(request: FastifyRequest): PageContext;
  sendHtml(reply: FastifyReply, page: string, status?: number): FastifyReply;
  audit(user: string, action: string, ticketId?: string, detail?: string): Promise<void>;
}
