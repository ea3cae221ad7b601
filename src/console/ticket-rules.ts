import type { Ticket } from '../conversation/types.js';
import type { StaffAccount } from '../stores/console-store.js';

/** Console staff appear as ticket owners with this prefix, apart from Slack user ids. */
export const CONSOLE_OWNER_PREFIX = 'console:';

export const ownerIdOf = (user: Pick<StaffAccount, 'name'>): string => `${CONSOLE_OWNER_PREFIX}${user.name}`;

/** Owner as shown to staff: a console name, or a Slack user id marked as such. */
export function ownerLabel(owner: string | undefined): string | undefined {
  if (!owner) return undefined;
  return owner.startsWith(CONSOLE_OWNER_PREFIX) ? owner.slice(CONSOLE_OWNER_PREFIX.length) : `Slack ${owner}`;
}

type Actor = Pick<StaffAccount, 'name' | 'role'>;

const isOwner = (user: Actor, ticket: Ticket) => ticket.owner === ownerIdOf(user);

/** The same rule as the Slack desk: one owner; only the owner or a lead may act on a claimed ticket. */
export function canAct(user: Actor, ticket: Ticket): boolean {
  if (ticket.status === 'resolved') return false;
  return !ticket.owner || isOwner(user, ticket) || user.role === 'lead';
}

/** Personal data in the transcript is for the owner and leads only. */
export function canSeeFullTranscript(user: Actor, ticket: Ticket): boolean {
  return user.role === 'lead' || isOwner(user, ticket);
}

/** Hand-over moves a claimed ticket; only its owner or a lead may do it. */
export function canHandOver(user: Actor, ticket: Ticket): boolean {
  return ticket.status === 'claimed' && (isOwner(user, ticket) || user.role === 'lead');
}

/** For the conversation core: a console owner id (`console:<name>`) whose account is a lead. */
export const consoleLeadCheck =
  (store: { getUser(name: string): Promise<{ role: string } | undefined> }) =>
  async (staffId: string): Promise<boolean> =>
    staffId.startsWith(CONSOLE_OWNER_PREFIX) &&
    (await store.getUser(staffId.slice(CONSOLE_OWNER_PREFIX.length)))?.role === 'lead';
