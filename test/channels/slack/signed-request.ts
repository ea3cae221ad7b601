import { createHmac } from 'node:crypto';

/** Slack request signing (v0): HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function slackSignature(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
  };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Posts an interactive payload (block_actions, view_submission) the way Slack does: form-encoded `payload=`. */
export function postPayload(
  url: string,
  secret: string,
  payload: object,
  headers?: Record<string, string>,
): Promise<Response> {
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return fetch(url, { method: 'POST', body, headers: { ...FORM, ...(headers ?? slackSignature(secret, body)) } });
}

/** Posts a slash command (form fields). */
export function postCommand(url: string, secret: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  return fetch(url, { method: 'POST', body, headers: { ...FORM, ...slackSignature(secret, body) } });
}

/** A block_actions payload for a button click on a ticket message. */
export function buttonClick(actionId: string, value: string | undefined, user: string, responseUrl: string) {
  return {
    type: 'block_actions',
    user: { id: user, name: user },
    team: { id: 'T1' },
    channel: { id: 'C123', name: 'union-desk' },
    container: { type: 'message', message_ts: '1.0', channel_id: 'C123' },
    trigger_id: `trigger-${actionId}-${user}`,
    api_app_id: 'A1',
    token: 'x',
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b',
        ...(value === undefined ? {} : { value }),
        action_ts: '1.1',
      },
    ],
  };
}

/** A view_submission payload of the reply modal. */
export function replySubmission(ticketId: string, user: string, text: string) {
  return {
    type: 'view_submission',
    user: { id: user, name: user },
    team: { id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    trigger_id: 't',
    view: {
      id: 'V1',
      callback_id: 'ticket_reply_modal',
      private_metadata: ticketId,
      state: { values: { reply: { text: { type: 'plain_text_input', value: text } } } },
      hash: 'h',
    },
  };
}
