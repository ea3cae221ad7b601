import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import type { Ticket } from '../../conversation/types.js';
import { maskPii } from '../../privacy/mask-pii.js';

const CATEGORY_LABEL = { urgent: ':rotating_light: URGENT', person: ':raising_hand: Needs a person' } as const;
const STATUS_LABEL = { open: 'open', claimed: 'claimed', resolved: 'resolved' } as const;

/** Block Kit message for a ticket: category, language, reasons, masked summary, citations, buttons. */
export function ticketBlocks(ticket: Ticket): KnownBlock[] {
  const citations = ticket.citations.map((c) => `• ${c.label}`).join('\n') || '—';
  const owner = ticket.owner ? ` · owner <@${ticket.owner}>` : '';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${CATEGORY_LABEL[ticket.category]} · ${ticket.id}` } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Status*\n${STATUS_LABEL[ticket.status]}${owner}` },
        { type: 'mrkdwn', text: `*Language*\n${ticket.language}` },
        { type: 'mrkdwn', text: `*Reasons*\n${ticket.reasons.join(', ') || '—'}` },
        { type: 'mrkdwn', text: `*Channel*\n${ticket.channel}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: `*Summary*\n${maskPii(ticket.summary).slice(0, 2800)}` } },
    { type: 'section', text: { type: 'mrkdwn', text: `*Citations given*\n${citations.slice(0, 2800)}` } },
  ];
  if (ticket.status !== 'resolved') {
    blocks.push({
      type: 'actions',
      elements: [
        ...(ticket.status === 'open' ? [{ type: 'button' as const, action_id: 'ticket_claim', text: { type: 'plain_text' as const, text: 'Claim' }, style: 'primary' as const, value: ticket.id }] : []),
        { type: 'button', action_id: 'ticket_reply', text: { type: 'plain_text', text: 'Reply' }, value: ticket.id },
        { type: 'button', action_id: 'ticket_resolve', text: { type: 'plain_text', text: 'Resolve' }, style: 'danger', value: ticket.id },
        { type: 'button', action_id: 'ticket_view', text: { type: 'plain_text', text: 'View full ticket' }, value: ticket.id },
      ],
    });
  }
  return blocks;
}

/** Plain-text fallback of the ticket message (notifications, screen readers). */
export function ticketText(ticket: Ticket): string {
  return `${ticket.category === 'urgent' ? 'URGENT' : 'Needs a person'} ticket ${ticket.id} (${ticket.language}, ${STATUS_LABEL[ticket.status]})`;
}

/** The modal staff fill in to reply to the worker. */
export function replyModal(ticketId: string) {
  return {
    type: 'modal' as const,
    callback_id: 'ticket_reply_modal',
    private_metadata: ticketId,
    title: { type: 'plain_text' as const, text: 'Reply to worker' },
    submit: { type: 'plain_text' as const, text: 'Send' },
    blocks: [
      {
        type: 'input' as const,
        block_id: 'reply',
        label: { type: 'plain_text' as const, text: `Message for ticket ${ticketId} (sent to the worker on WeChat)` },
        element: { type: 'plain_text_input' as const, action_id: 'text', multiline: true, max_length: 1800 },
      },
    ],
  };
}

/** The full, unmasked transcript, shown only to the staff member who opens it. */
export function transcriptModal(ticket: Ticket) {
  const lines = ticket.transcript.map((t) => `*${t.role}* (${new Date(t.at).toISOString().slice(0, 16)}): ${t.text}`).join('\n');
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: `Ticket ${ticket.id}`.slice(0, 24) },
    blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: lines.slice(0, 2900) || '—' } }],
  };
}
