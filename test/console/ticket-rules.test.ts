import { describe, expect, it } from 'vitest';
import { canAct, canHandOver, canSeeFullTranscript, ownerLabel } from '../../src/console/ticket-rules.js';
import type { Ticket } from '../../src/conversation/types.js';
import { makeTicket } from '../helpers/tickets.js';

const ticket = (over: Partial<Ticket> = {}): Ticket =>
  makeTicket({ conversationId: 'c1', createdAt: 0, updatedAt: 0, ...over });
const bob = { name: 'bob', role: 'staff' } as const;
const carol = { name: 'carol', role: 'staff' } as const;
const alice = { name: 'alice', role: 'lead' } as const;

describe('ticket rules (same as the Slack desk)', () => {
  it('lets anyone act on an unclaimed ticket, the owner or a lead on a claimed one, nobody on a resolved one', () => {
    expect(canAct(carol, ticket())).toBe(true);
    const claimed = ticket({ status: 'claimed', owner: 'console:bob' });
    expect(canAct(bob, claimed)).toBe(true);
    expect(canAct(carol, claimed)).toBe(false);
    expect(canAct(alice, claimed)).toBe(true);
    expect(canAct(alice, ticket({ status: 'resolved', owner: 'console:bob' }))).toBe(false);
    // A Slack owner: console staff may not act, a lead may.
    expect(canAct(bob, ticket({ status: 'claimed', owner: 'U123' }))).toBe(false);
    expect(canAct(alice, ticket({ status: 'claimed', owner: 'U123' }))).toBe(true);
  });

  it('shows personal data only to the owner and leads', () => {
    expect(canSeeFullTranscript(bob, ticket())).toBe(false);
    expect(canSeeFullTranscript(alice, ticket())).toBe(true);
    expect(canSeeFullTranscript(bob, ticket({ status: 'claimed', owner: 'console:bob' }))).toBe(true);
    expect(canSeeFullTranscript(carol, ticket({ status: 'claimed', owner: 'console:bob' }))).toBe(false);
  });

  it('lets the owner or a lead hand over a claimed ticket only', () => {
    const claimed = ticket({ status: 'claimed', owner: 'console:bob' });
    expect(canHandOver(bob, claimed)).toBe(true);
    expect(canHandOver(alice, claimed)).toBe(true);
    expect(canHandOver(carol, claimed)).toBe(false);
    expect(canHandOver(alice, ticket())).toBe(false);
  });

  it('labels console and Slack owners apart', () => {
    expect(ownerLabel('console:bob')).toBe('bob');
    expect(ownerLabel('U123')).toBe('Slack U123');
    expect(ownerLabel(undefined)).toBeUndefined();
  });
});
