/**
 * Every label and notice the staff desk shows in Slack, in one place so a
 * union can translate the desk (e.g. into Chinese) without touching the
 * handlers. Worker-facing texts live in `knowledge/conversation/`.
 */
export const DESK_TEXT = {
  category: { urgent: ':rotating_light: URGENT', person: ':raising_hand: Needs a person' },
  categoryPlain: { urgent: 'URGENT', person: 'Needs a person' },
  status: { open: ':large_yellow_circle: open, unclaimed', claimed: ':large_blue_circle: claimed', resolved: ':white_check_mark: resolved' },
  field: { status: 'Status', language: 'Language', reasons: 'Reasons', channel: 'Channel', summary: 'Summary (personal numbers masked)', citations: 'Citations the bot gave' },
  language: { 'zh-Hans': 'Simplified Chinese (zh-Hans)', 'zh-Hant': 'Traditional Chinese (zh-Hant)', vi: 'Vietnamese (vi)' },
  none: '—',
  owner: (user: string) => `owner <@${user}>`,
  opened: (epochSeconds: number, fallback: string) => `Opened <!date^${epochSeconds}^{date_short_pretty} {time}|${fallback}>`,
  button: { claim: 'Claim', reply: 'Reply', resolve: 'Resolve', view: 'View full ticket' },
  replyModal: {
    title: 'Reply to worker',
    submit: 'Send',
    label: (ticketId: string, channel: string) => `Message for ticket ${ticketId} (delivered to the worker on ${channel})`,
    hint: 'Write in the worker’s language. The worker sees it marked as a message from union staff.',
    empty: 'Please write a message.',
    closed: 'This ticket is resolved or no longer exists; the message was not sent.',
    notOwner: 'Only the staff member who claimed this ticket (or a lead) can reply; the message was not sent.',
  },
  transcript: {
    title: 'Full ticket',
    warning: 'Unmasked transcript: personal data. Do not copy it into Slack or anywhere else.',
    expired: 'This link has expired or is not valid. Click "View full ticket" in Slack for a new one.',
    role: { worker: 'Worker', bot: 'Bot', staff: 'Staff' },
    link: (url: string, minutes: number) => `:lock: Full ticket (personal data, only for you, valid ${minutes} min): ${url}`,
    unavailable: 'The full-ticket page is not configured (STAFF_BASE_URL and STAFF_LINK_SECRET); the transcript is not sent to Slack.',
  },
  thread: { worker: '*Worker*', bot: '*Bot*' },
  ephemeral: {
    alreadyClaimed: (ticketId: string, owner: string) => `Ticket ${ticketId} is already claimed by <@${owner}>.`,
    resolved: (ticketId: string) => `Ticket ${ticketId} is already resolved.`,
    notFound: (ticketId: string) => `Ticket ${ticketId} was not found.`,
    claimFirst: (ticketId: string) => `Claim ticket ${ticketId} first: only its owner replies to the worker.`,
  },
  reminder: (ticketId: string, minutes: number, reasons: string) => `<!here> :alarm_clock: Urgent ticket ${ticketId} has been unclaimed for ${minutes} minutes (${reasons}). Please claim it.`,
  tickets: {
    none: 'No open tickets.',
    header: (count: number) => `Open tickets (${count}):`,
    line: (t: { id: string; category: string; status: string; owner?: string; language: string; reasons: string; ageMinutes: number }) =>
      `• ${t.id} · ${t.category} · ${t.status}${t.owner ? ` <@${t.owner}>` : ''} · ${t.language} · ${t.reasons} · ${t.ageMinutes} min`,
  },
} as const;
