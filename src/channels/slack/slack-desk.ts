import { Server } from 'node:http';
import { App, LogLevel, type BlockAction, type ButtonAction } from '@slack/bolt';
import type { StaffDesk, Ticket } from '../../conversation/types.js';
import { maskPii } from '../../privacy/mask-pii.js';
import type { Logger } from '../../shared/logger.js';
import { DESK_TEXT, type DeskText } from './desk-texts.js';
import {
  REPLY_BLOCK_ID,
  REPLY_INPUT_ID,
  REPLY_MODAL_ID,
  TICKET_ACTION,
  replyModal,
  ticketBlocks,
  ticketIdOfAction,
  ticketText,
  type TicketActionName,
} from './ticket-blocks.js';

/** Outcome of a claim, as the conversation core reports it. */
export type DeskClaimResult =
  | { readonly ok: true; readonly ticket: Ticket }
  | { readonly ok: false; readonly reason: 'not_found' | 'already_claimed' | 'resolved'; readonly ticket?: Ticket };

/** What the staff desk needs from the conversation core. All methods are idempotent. */
export interface SlackPort {
  claim(ticketId: string, staffUserId: string): Promise<DeskClaimResult>;
  /**
   * Queues the text for the worker (the core's outbox delivers it); refused when resolved, unknown,
   * or not the owner's (or a lead's).
   */
  staffReply(ticketId: string, staffUserId: string, text: string): Promise<boolean | StaffReplyResult>;
  /** False when the ticket is already resolved or unknown. */
  resolve(ticketId: string, staffUserId: string): Promise<boolean>;
  listOpenTickets(): Promise<Ticket[]>;
  getTicket(ticketId: string): Promise<Ticket | undefined>;
}

/** Outcome of a staff reply, as the conversation core reports it. */
export type StaffReplyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not_found' | 'resolved' | 'empty' | 'not_claimed' | 'not_owner' };

export interface SlackDeskSettings {
  /** Labels and messages in the staff's language (loadDeskText). @default English */
  readonly texts?: DeskText;
  /** Slack user ids of leads: they may reply on any claimed ticket. */
  readonly leads?: readonly string[];
  /**
   * A signed, expiring link to the ticket's transcript page on the bot's server; without it "View"
   * says the page is not configured.
   */
  readonly transcriptLink?: (ticketId: string) => { url: string; ttlSeconds: number };
  /** Bot User OAuth Token (`xoxb-...`). */
  readonly botToken: string;
  /** Signing secret: required over HTTP (Bolt rejects unsigned and stale requests); unused in Socket Mode. */
  readonly signingSecret?: string;
  /** App-level token (`xapp-...`): Socket Mode instead of a public HTTP endpoint. */
  readonly appToken?: string;
  /** Channel id where tickets are posted. */
  readonly channel: string;
  readonly port: SlackPort;
  /** HTTP port of `/slack/events` when not in Socket Mode. @default 3001 */
  readonly listenPort?: number;
  /** Web API base URL (SLACK_API_URL; tests point it at a local fake). */
  readonly slackApiUrl?: string;
  /** Timeout of one Web API call. @default 10000 */
  readonly apiTimeoutMs?: number;
  /** Interface `/slack/events` binds to (SLACK_HOST). @default 127.0.0.1 */
  readonly listenHost?: string;
  /**
   * Finish handlers before answering Slack's HTTP request. Tests use it to
   * avoid sleeps; a long-running server leaves it off so `ack()` answers at once.
   * @default false
   */
  readonly processBeforeResponse?: boolean;
  /** Longest staff reply (the worker's channel limit). @default 1800 */
  readonly replyMaxLength?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
}

export interface SlackDesk {
  /** The Bolt app (for tests and extra routes). */
  readonly app: App;
  /** Posts and updates tickets; given to the outbox dispatcher. */
  readonly desk: StaffDesk;
  /** Starts the receiver; returns the HTTP server in HTTP mode (its address has the port). */
  start(listenPort?: number): Promise<Server | undefined>;
  stop(): Promise<void>;
}

type ButtonBody = BlockAction<ButtonAction>;

/** Metadata event type of ticket messages (needs the `channels:history` scope to look them up). */
const TICKET_EVENT = 'gonghui_ticket';

/** `^ticket_claim` with or without the `:<ticketId>` suffix (messages posted by older versions have none). */
const actionPattern = (name: TicketActionName) => new RegExp(`^${TICKET_ACTION[name]}(?::|$)`);

/**
 * The union staff desk in Slack (Bolt over signed HTTP, or Socket Mode).
 * Tickets are posted with Claim / Reply / Resolve / View buttons; every
 * handler acknowledges first (Slack allows 3 s) and is idempotent: a second
 * claim changes nothing and tells the clicker who owns the ticket. Message
 * updates after claim and resolve arrive through the core's outbox.
 */
export function createSlackDesk(settings: SlackDeskSettings): SlackDesk {
  if (!settings.appToken && !settings.signingSecret)
    throw new Error('createSlackDesk: signingSecret is required unless appToken (Socket Mode) is given');
  const app = new App({
    token: settings.botToken,
    ...(settings.signingSecret ? { signingSecret: settings.signingSecret } : {}),
    ...(settings.appToken ? { socketMode: true, appToken: settings.appToken } : {}),
    processBeforeResponse: settings.processBeforeResponse ?? false,
    logLevel: LogLevel.ERROR,
    // No retries inside the client (it would retry for up to 30 minutes without a word): the outbox
    // dispatcher retries with its own timeouts, logs and metrics. Rate-limited calls fail at once too.
    clientOptions: {
      ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: settings.apiTimeoutMs ?? 10_000,
    },
  });
  const { port } = settings;
  const leads = new Set(settings.leads ?? []);
  const T = settings.texts ?? DESK_TEXT;
  const log = settings.logger;
  const now = settings.now ?? Date.now;

  /** Tells only the clicking staff member (nobody else sees it). */
  async function tellClicker(body: ButtonBody, text: string): Promise<void> {
    const channel = body.channel?.id ?? body.container.channel_id;
    if (typeof channel === 'string') await app.client.chat.postEphemeral({ channel, user: body.user.id, text });
  }

  /** Explains why an action on a ticket did nothing. */
  async function explainRefusal(body: ButtonBody, ticketId: string, ticket: Ticket | undefined): Promise<void> {
    if (!ticket) await tellClicker(body, T.ephemeral.notFound(ticketId));
    else if (ticket.status === 'resolved') await tellClicker(body, T.ephemeral.resolved(ticketId));
    else if (ticket.owner && ticket.owner !== body.user.id)
      await tellClicker(body, T.ephemeral.alreadyClaimed(ticketId, ticket.owner));
  }

  function onButton(name: TicketActionName, handler: (body: ButtonBody, ticketId: string) => Promise<void>): void {
    app.action<ButtonBody>({ type: 'block_actions', action_id: actionPattern(name) }, async ({ ack, body, action }) => {
      await ack();
      const ticketId = ticketIdOfAction(action);
      if (!ticketId) return;
      log?.info({ action: name, ticket: ticketId, staff: body.user.id }, 'Slack desk action');
      await handler(body, ticketId);
    });
  }

  onButton('claim', async (body, ticketId) => {
    const result = await port.claim(ticketId, body.user.id);
    if (!result.ok) await explainRefusal(body, ticketId, result.ticket);
    // How to reach the worker: told to the owner alone, never in the channel message.
    else await tellClicker(body, T.ephemeral.contact(ticketId, result.ticket.channel, result.ticket.conversationId));
  });

  onButton('reply', async (body, ticketId) => {
    const ticket = await port.getTicket(ticketId);
    if (!ticket || ticket.status === 'resolved') {
      await explainRefusal(body, ticketId, ticket);
      return;
    }
    // Claiming is explicit, and only the owner (or a lead) speaks to the worker.
    if (!ticket.owner) {
      await tellClicker(body, T.ephemeral.claimFirst(ticketId));
      return;
    }
    if (ticket.owner !== body.user.id && !leads.has(body.user.id)) {
      await tellClicker(body, T.ephemeral.alreadyClaimed(ticketId, ticket.owner));
      return;
    }
    await app.client.views.open({ trigger_id: body.trigger_id, view: replyModal(ticket, settings.replyMaxLength, T) });
  });

  onButton('resolve', async (body, ticketId) => {
    if (!(await port.resolve(ticketId, body.user.id)))
      await explainRefusal(body, ticketId, await port.getTicket(ticketId));
  });

  // The full transcript never goes to Slack: the clicker alone gets a signed, expiring link to the bot's own page.
  onButton('view', async (body, ticketId) => {
    const ticket = await port.getTicket(ticketId);
    if (!ticket) await explainRefusal(body, ticketId, undefined);
    else if (!settings.transcriptLink) await tellClicker(body, T.transcript.unavailable);
    else {
      const link = settings.transcriptLink(ticketId);
      await tellClicker(body, T.transcript.link(link.url, Math.round(link.ttlSeconds / 60)));
    }
  });

  // The reply is queued before ack so a refusal can be shown in the modal (a local write, well within 3 s).
  app.view(REPLY_MODAL_ID, async ({ ack, view, body }) => {
    const text = view.state.values[REPLY_BLOCK_ID]?.[REPLY_INPUT_ID]?.value?.trim() ?? '';
    if (text === '') {
      await ack({ response_action: 'errors', errors: { [REPLY_BLOCK_ID]: T.replyModal.empty } });
      return;
    }
    const sent = await port.staffReply(view.private_metadata, body.user.id, text);
    if (sent !== true && !(typeof sent === 'object' && sent.ok)) {
      const reason = typeof sent === 'object' && !sent.ok ? sent.reason : 'resolved';
      await ack({
        response_action: 'errors',
        errors: {
          [REPLY_BLOCK_ID]:
            reason === 'not_owner' || reason === 'not_claimed' ? T.replyModal.notOwner : T.replyModal.closed,
        },
      });
      return;
    }
    await ack();
    log?.info({ ticket: view.private_metadata, staff: body.user.id }, 'Slack desk reply queued for the worker');
  });

  app.command('/tickets', async ({ ack, respond }) => {
    await ack();
    const open = [...(await port.listOpenTickets())].sort(
      (a, b) => Number(b.category === 'urgent') - Number(a.category === 'urgent') || a.createdAt - b.createdAt,
    );
    const lines = open.map((t) =>
      T.tickets.line({
        id: t.id,
        category: T.categoryPlain[t.category],
        status: t.status,
        ...(t.owner ? { owner: t.owner } : {}),
        language: t.language,
        reasons: t.reasons.join(', ') || T.none,
        ageMinutes: Math.max(0, Math.round((now() - t.createdAt) / 60_000)),
      }),
    );
    await respond({
      response_type: 'ephemeral',
      text: open.length === 0 ? T.tickets.none : [T.tickets.header(open.length), ...lines].join('\n'),
    });
  });

  app.error(async (error) => {
    log?.error({ err: error.message }, 'Slack handler failed');
  });

  function postedRef(ticket: Ticket): { channel: string; ts: string } {
    if (!ticket.slack) throw new Error(`ticket ${ticket.id} is not posted to Slack yet`);
    return ticket.slack;
  }

  const desk: StaffDesk = {
    async postTicket(ticket) {
      // The ticket id rides along as message metadata: after a crash the post can be found instead of repeated.
      const res = await app.client.chat.postMessage({
        channel: settings.channel,
        text: ticketText(ticket, T),
        blocks: ticketBlocks(ticket, T),
        unfurl_links: false,
        metadata: { event_type: TICKET_EVENT, event_payload: { ticket_id: ticket.id } },
      });
      if (!res.ok || !res.ts) throw new Error(`chat.postMessage failed: ${res.error ?? 'no ts'}`);
      return { channel: res.channel ?? settings.channel, ts: res.ts };
    },
    async findPostedTicket(ticket) {
      // Messages since shortly before the ticket was created; the bot's posts carry the ticket id in their metadata.
      let cursor: string | undefined;
      for (let page = 0; page < 5; page += 1) {
        const res = await app.client.conversations.history({
          channel: settings.channel,
          oldest: String(Math.floor(ticket.createdAt / 1000) - 60),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        if (!res.ok) throw new Error(`conversations.history failed: ${res.error ?? 'unknown'}`);
        const hit = res.messages?.find(
          (m) =>
            m.metadata?.event_type === TICKET_EVENT &&
            (m.metadata.event_payload as { ticket_id?: unknown } | undefined)?.ticket_id === ticket.id,
        );
        if (hit?.ts) return { channel: settings.channel, ts: hit.ts };
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) return undefined;
      }
      return undefined;
    },
    async updateTicket(ticket) {
      const { channel, ts } = postedRef(ticket);
      await app.client.chat.update({ channel, ts, text: ticketText(ticket, T), blocks: ticketBlocks(ticket, T) });
    },
    async postToThread(ticket, text, role) {
      const { channel, ts } = postedRef(ticket);
      await app.client.chat.postMessage({
        channel,
        thread_ts: ts,
        text: `${T.thread[role]}: ${maskPii(text).slice(0, 3000)}`,
        unfurl_links: false,
      });
    },
    async remind(ticket, minutes) {
      const { channel, ts } = postedRef(ticket);
      // In the ticket's thread and broadcast to the channel: the reminder links to the case.
      await app.client.chat.postMessage({
        channel,
        thread_ts: ts,
        reply_broadcast: true,
        text: T.reminder(ticket.id, minutes, ticket.reasons.join(', ') || T.none),
      });
    },
  };

  return {
    app,
    desk,
    async start(listenPort) {
      const port = listenPort ?? settings.listenPort ?? 3001;
      const started: unknown = settings.appToken
        ? await app.start()
        : await app.start({ port, host: settings.listenHost ?? '127.0.0.1' });
      return started instanceof Server ? started : undefined;
    },
    stop: () => app.stop().then(() => undefined),
  };
}
