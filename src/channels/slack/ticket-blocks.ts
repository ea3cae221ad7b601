import type { types } from '@slack/bolt';
import type { Ticket } from '../../conversation/types.js';
import { maskPii } from '../../privacy/mask-pii.js';
import { DESK_TEXT, type DeskText } from './desk-texts.js';

type KnownBlock = types.KnownBlock;
type ModalView = types.ModalView;

/** Action id prefixes; the full action id is `<prefix>:<ticketId>` and the button value is the ticket id. */
export const TICKET_ACTION = {
  claim: 'ticket_claim',
  reply: 'ticket_reply',
  resolve: 'ticket_resolve',
  view: 'ticket_view',
} as const;
export type TicketActionName = keyof typeof TICKET_ACTION;
/** Callback id of the reply modal; its `private_metadata` is the ticket id. */
export const REPLY_MODAL_ID = 'ticket_reply_modal';
export const REPLY_BLOCK_ID = 'reply';
export const REPLY_INPUT_ID = 'text';

/** Slack limits (characters) for the text objects used below. */
const LIMIT = { header: 150, field: 2000, section: 3000, modalTitle: 24, blocks: 100 } as const;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Action id of a ticket button: carries the ticket id, as the button value does. */
export function ticketActionId(action: TicketActionName, ticketId: string): string {
  return `${TICKET_ACTION[action]}:${ticketId}`;
}

/** Ticket id from a button's value, or from its action id when the value is missing. */
export function ticketIdOfAction(action: { readonly action_id: string; readonly value?: string }): string | undefined {
  if (action.value) return action.value;
  const sep = action.action_id.indexOf(':');
  return sep > 0 ? action.action_id.slice(sep + 1) || undefined : undefined;
}

function button(T: DeskText, action: TicketActionName, ticketId: string, style?: 'primary' | 'danger') {
  return {
    type: 'button' as const,
    action_id: ticketActionId(action, ticketId),
    text: { type: 'plain_text' as const, text: T.button[action] },
    value: ticketId,
    ...(style ? { style } : {}),
  };
}

/**
 * Block Kit message for a ticket: category, status and owner, language,
 * reasons, the masked summary, the citations the bot gave, and Claim / Reply
 * / Resolve / View buttons (Claim only while unclaimed, none once resolved).
 * Personal numbers are masked again here: the channel is wider than the desk.
 */
export function ticketBlocks(ticket: Ticket, T: DeskText = DESK_TEXT): KnownBlock[] {
  const citations = ticket.citations.map((c) => `• ${c.label}`).join('\n') || T.none;
  const status = `${T.status[ticket.status]}${ticket.owner ? ` · ${T.owner(ticket.owner)}` : ''}`;
  const openedAtSeconds = Math.floor(ticket.createdAt / 1000);
  const openedAtUtc = new Date(ticket.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(`${T.categoryPlain[ticket.category]} · ${ticket.id}`, LIMIT.header) },
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${T.field.status}*\n${status}` },
        { type: 'mrkdwn', text: `*${T.field.language}*\n${T.language[ticket.language]}` },
        { type: 'mrkdwn', text: clip(`*${T.field.reasons}*\n${ticket.reasons.join(', ') || T.none}`, LIMIT.field) },
        { type: 'mrkdwn', text: `*${T.field.channel}*\n${ticket.channel}` },
      ],
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*${T.field.summary}*\n${maskPii(ticket.summary)}`, LIMIT.section) },
    },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*${T.field.citations}*\n${citations}`, LIMIT.section) } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${T.category[ticket.category]} · ${T.opened(openedAtSeconds, openedAtUtc)} UTC`,
        },
      ],
    },
  ];
  if (ticket.status !== 'resolved') {
    blocks.push({
      type: 'actions',
      block_id: `ticket_actions:${ticket.id}`,
      elements: [
        ...(ticket.status === 'open' ? [button(T, 'claim', ticket.id, 'primary')] : []),
        button(T, 'reply', ticket.id),
        button(T, 'resolve', ticket.id, 'danger'),
        button(T, 'view', ticket.id),
      ],
    });
  } else {
    blocks.push({ type: 'actions', block_id: `ticket_actions:${ticket.id}`, elements: [button(T, 'view', ticket.id)] });
  }
  return blocks;
}

/** Plain-text fallback of the ticket message (notifications, screen readers): no personal data. */
export function ticketText(ticket: Ticket, T: DeskText = DESK_TEXT): string {
  return T.tickets.ticketText({
    category: T.categoryPlain[ticket.category],
    id: ticket.id,
    language: ticket.language,
    status: ticket.status,
    ...(ticket.owner ? { owner: ticket.owner } : {}),
  });
}

/** The modal staff fill in to reply to the worker. */
export function replyModal(
  ticket: Pick<Ticket, 'id' | 'channel'>,
  maxLength = 1800,
  T: DeskText = DESK_TEXT,
): ModalView {
  return {
    type: 'modal',
    callback_id: REPLY_MODAL_ID,
    private_metadata: ticket.id,
    title: { type: 'plain_text', text: T.replyModal.title },
    submit: { type: 'plain_text', text: T.replyModal.submit },
    blocks: [
      {
        type: 'input',
        block_id: REPLY_BLOCK_ID,
        label: { type: 'plain_text', text: clip(T.replyModal.label(ticket.id, ticket.channel), LIMIT.field) },
        hint: { type: 'plain_text', text: T.replyModal.hint },
        element: { type: 'plain_text_input', action_id: REPLY_INPUT_ID, multiline: true, max_length: maxLength },
      },
    ],
  };
}
