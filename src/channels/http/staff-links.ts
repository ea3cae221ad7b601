import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring links to a ticket's staff page: the full transcript stays
 * on the union's server and Slack only ever carries the link. The signature
 * covers the ticket id and the expiry; anyone holding an unexpired link can
 * open that one ticket, so links are shown only to the staff member who asked.
 */
export interface StaffLinks {
  /** Absolute URL of the ticket's transcript page, valid for the configured time. */
  transcriptUrl(ticketId: string, nowMs?: number): string;
  verify(ticketId: string, expires: string | undefined, signature: string | undefined, nowMs?: number): boolean;
  readonly ttlSeconds: number;
}

export const TRANSCRIPT_PATH = '/staff/tickets/';

export function createStaffLinks(settings: { secret: string; baseUrl: string; ttlSeconds?: number }): StaffLinks {
  if (settings.secret.length < 32) throw new Error('staff links: the secret must be at least 32 characters');
  const ttl = settings.ttlSeconds ?? 900;
  const base = settings.baseUrl.replace(/\/+$/, '');
  const mac = (ticketId: string, exp: number) =>
    createHmac('sha256', settings.secret).update(`transcript:${ticketId}:${exp}`).digest();
  return {
    ttlSeconds: ttl,
    transcriptUrl(ticketId, nowMs = Date.now()) {
      const exp = Math.floor(nowMs / 1000) + ttl;
      const sig = mac(ticketId, exp).toString('base64url');
      return `${base}${TRANSCRIPT_PATH}${encodeURIComponent(ticketId)}?exp=${exp}&sig=${sig}`;
    },
    verify(ticketId, expires, signature, nowMs = Date.now()) {
      if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
      const exp = Number(expires);
      if (exp <= Math.floor(nowMs / 1000)) return false;
      const expected = mac(ticketId, exp);
      const given = Buffer.from(signature, 'base64url');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
