import { App, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { ClaimResult } from '../../conversation/conversation-core.js';
import type { StaffDesk, Ticket } from '../../conversation/types.js';
import { maskPii } from '../../privacy/mask-pii.js';
import type { Logger } from '../../shared/logger.js';
import { replyModal, ticketBlocks, ticketText, transcriptModal } from './ticket-blocks.js';

/** What the staff desk needs from the conversation core. */
export interface SlackPort {
  claim(ticketId: string, staffUserId: string): Promise<ClaimResult>;
  staffReply(ticketId: string, staffUserId: string, text: string): Promise<boolean>;
  resolve(ticketId: string, staffUserId: string): Promise<boolean>;
  listOpenTickets(): Promise<Ticket[]>;
  getTicket(ticketId: string): Promise<Ticket | undefined>;
}

export interface SlackDeskSettings {
  readonly botToken: string;
  readonly signingSecret: string;
  /** Socket Mode instead of HTTP when set. */
  readonly appToken?: string;
  /** Channel id where tickets are posted. */
  readonly channel: string;
  readonly port: SlackPort;
  /** Web API base URL (tests point it at a local fake). */
  readonly slackApiUrl?: string;
  readonly logger?: Logger;
}

/**
 * The union staff desk in Slack (Bolt over signed HTTP, or Socket Mode):
 * tickets are posted with Claim / Reply / Resolve / View buttons; every
 * action is acknowledged first (Slack's 3 s) and idempotent. Bolt rejects
 * unsigned and stale requests.
 */
export function createSlackDesk(settings: SlackDeskSettings): { app: App; desk: StaffDesk; start(port: number): Promise<Server | undefined>; stop(): Promise<void> } {
  const app = new App({
    token: settings.botToken,
    signingSecret: settings.signingSecret,
    ...(settings.appToken ? { socketMode: true, appToken: settings.appToken } : {}),
    processBeforeResponse: true,
    logLevel: LogLevel.ERROR,
    ...(settings.slackApiUrl ? { clientOptions: { slackApiUrl: settings.slackApiUrl } } : {}),
  });
  const { port } = settings;

  const ticketIdOf = (body: unknown): string | undefined => {
    const action = (body as { actions?: { value?: string }[] }).actions?.[0];
    return action?.value;
  };

  app.action('ticket_claim', async ({ ack, body, client }) => {
    await ack();
    const ticketId = ticketIdOf(body);
    if (!ticketId) return;
    const result = await port.claim(ticketId, body.user.id);
    if (!result.ok && result.reason === 'already_claimed' && result.ticket?.owner !== body.user.id && 'channel' in body && body.channel) {
      await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text: `Ticket ${ticketId} is already claimed by <@${result.ticket?.owner}>.` });
    }
  });

  app.action('ticket_reply', async ({ ack, body, client }) => {
    await ack();
    const ticketId = ticketIdOf(body);
    if (ticketId && 'trigger_id' in body) await client.views.open({ trigger_id: body.trigger_id, view: replyModal(ticketId) });
  });

  app.action('ticket_view', async ({ ack, body, client }) => {
    await ack();
    const ticketId = ticketIdOf(body);
    const ticket = ticketId ? await port.getTicket(ticketId) : undefined;
    if (ticket && 'trigger_id' in body) await client.views.open({ trigger_id: body.trigger_id, view: transcriptModal(ticket) });
  });

  app.action('ticket_resolve', async ({ ack, body }) => {
    await ack();
    const ticketId = ticketIdOf(body);
    if (ticketId) await port.resolve(ticketId, body.user.id);
  });

  app.view('ticket_reply_modal', async ({ ack, view, body }) => {
    const text = view.state.values.reply?.text?.value?.trim() ?? '';
    if (text === '') {
      await ack({ response_action: 'errors', errors: { reply: 'Please write a message.' } });
      return;
    }
    const sent = await port.staffReply(view.private_metadata, body.user.id, text);
    if (!sent) {
      await ack({ response_action: 'errors', errors: { reply: 'This ticket is resolved or no longer exists.' } });
      return;
    }
    await ack();
  });

  app.command('/tickets', async ({ ack, respond }) => {
    await ack();
    const open = await port.listOpenTickets();
    const lines = open.map((t) => `• ${t.id} · ${t.category} · ${t.status}${t.owner ? ` <@${t.owner}>` : ''} · ${t.language} · ${t.reasons.join(', ')}`);
    await respond({ response_type: 'ephemeral', text: open.length === 0 ? 'No open tickets.' : `Open tickets (${open.length}):\n${lines.join('\n')}` });
  });

  app.error(async (error) => {
    settings.logger?.error({ err: error.message }, 'Slack handler failed');
  });

  const desk: StaffDesk = {
    async postTicket(ticket) {
      const res = await app.client.chat.postMessage({ channel: settings.channel, text: ticketText(ticket), blocks: ticketBlocks(ticket) });
      if (!res.ok || !res.ts) throw new Error(`chat.postMessage failed: ${res.error ?? 'no ts'}`);
      return { channel: res.channel ?? settings.channel, ts: res.ts };
    },
    async updateTicket(ticket) {
      if (!ticket.slack) throw new Error('ticket not posted');
      await app.client.chat.update({ channel: ticket.slack.channel, ts: ticket.slack.ts, text: ticketText(ticket), blocks: ticketBlocks(ticket) });
    },
    async postToThread(ticket, text, role) {
      if (!ticket.slack) throw new Error('ticket not posted');
      await app.client.chat.postMessage({ channel: ticket.slack.channel, thread_ts: ticket.slack.ts, text: `*${role}*: ${maskPii(text).slice(0, 3000)}` });
    },
    async remind(ticket, minutes) {
      if (!ticket.slack) throw new Error('ticket not posted');
      await app.client.chat.postMessage({
        channel: ticket.slack.channel,
        text: `:alarm_clock: Urgent ticket ${ticket.id} has been unclaimed for ${minutes} minutes (${ticket.reasons.join(', ')}).`,
      });
    },
  };

  return {
    app,
    desk,
    async start(listenPort) {
      const server = (await app.start(listenPort)) as Server | undefined;
      return server;
    },
    stop: () => app.stop().then(() => undefined),
  };
}
