import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { RecordingDesk } from '../helpers/recording-channels.js';
import { makeTicket } from '../helpers/tickets.js';

const ticket = makeTicket();

/** A desk that can find posts it already has (as Slack can by message metadata). */
class FindingDesk extends RecordingDesk {
  readonly found: { channel: string; ts: string } | undefined = { channel: 'C1', ts: '9.000' };
  lookups = 0;
  async findPostedTicket() {
    this.lookups += 1;
    return this.found;
  }
}

describe('outbox dispatcher: posting tickets', () => {
  it('looks for an earlier post before posting a ticket again, and records it instead of posting twice', async () => {
    const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'dispatch-')), 'db.sqlite'));
    await store.saveTicket(ticket, [{ kind: 'ticket.post', payload: {} }]);
    const [item] = await store.dueOutbox(10, 10);
    await store.markFailed(item!.id, 0); // the first attempt was cut off
    const desk = new FindingDesk();
    expect(
      await createOutboxDispatcher({ store, desk, senders: new Map(), notices: loadNotices('knowledge') }).drainOnce(),
    ).toBe(1);
    expect(desk.lookups).toBe(1);
    expect(desk.posted).toHaveLength(0);
    expect((await store.getTicket('T1'))?.slack).toEqual({ channel: 'C1', ts: '9.000' });
    await store.close();
  });

  it('posts at once on a first attempt, without a lookup', async () => {
    const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'dispatch-')), 'db.sqlite'));
    await store.saveTicket(ticket, [{ kind: 'ticket.post', payload: {} }]);
    const desk = new FindingDesk();
    await createOutboxDispatcher({ store, desk, senders: new Map(), notices: loadNotices('knowledge') }).drainOnce();
    expect(desk.lookups).toBe(0);
    expect(desk.posted).toHaveLength(1);
    await store.close();
  });
});
