import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/conversation/types.js';
import { DraftCounters } from '../../src/drafting/draft-metrics.js';
import { Metrics } from '../../src/shared/metrics.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { makeTicket } from '../helpers/tickets.js';

const ticket = (id: string, over: Partial<Ticket> = {}): Ticket =>
  makeTicket({
    id,
    channel: 'http',
    conversationId: `c-${id}`,
    reasons: [],
    createdAt: 1000,
    updatedAt: 1000,
    ...over,
  });

describe('metrics', () => {
  it('exposes process metrics, counters and the latency histogram through prom-client', async () => {
    const m = new Metrics();
    m.inc('gonghui_messages_total', { channel: 'http' });
    m.inc('gonghui_messages_total', { channel: 'wechat' }, 2);
    m.observeLatency(42);
    const text = await m.render();
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^gonghui_messages_total\{channel="wechat"\} 2$/m);
    expect(text).toMatch(/^gonghui_answer_latency_ms_bucket\{le="50"\} 1$/m);
    expect(m.get('gonghui_messages_total')).toBe(3);
  });

  it('reports outbox depth and age per destination, dead letters and the oldest unclaimed urgent ticket', async () => {
    const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'metrics-')), 'db.sqlite'));
    await store.saveTicket(ticket('T1'), [
      { kind: 'ticket.post', payload: {} },
      { kind: 'worker.send', payload: { text: 'x' } },
    ]);
    await store.saveTicket(ticket('T2', { status: 'claimed', owner: 'U1', createdAt: 500 }), [
      { kind: 'ticket.post', payload: {} },
    ]);
    const [dead] = await store.dueOutbox(5000, 1);
    await store.markDead(dead!.id, 5000, 'gone');
    const m = new Metrics({ processMetrics: false });
    m.trackOutbox(store, () => 61_000);
    const text = await m.render();
    expect(text).toMatch(/^gonghui_outbox_depth\{destination="slack"\} 1$/m);
    expect(text).toMatch(/^gonghui_outbox_depth\{destination="http"\} 1$/m);
    expect(text).toMatch(/^gonghui_outbox_oldest_age_seconds\{destination="http"\} 60$/m);
    expect(text).toMatch(/^gonghui_outbox_dead_letters\{destination="slack"\} 1$/m);
    // T2 is claimed: the oldest unclaimed urgent ticket is T1, created at 1000.
    expect(text).toMatch(/^gonghui_oldest_unclaimed_urgent_ticket_age_seconds 60$/m);
    await store.close();
  });

  it('exposes the LLM drafting counters, read from the drafter at each scrape', async () => {
    const counters = new DraftCounters();
    const metrics = new Metrics({ processMetrics: false });
    metrics.trackDrafting(() => counters.snapshot());
    counters.attempts = 3;
    counters.verified = 2;
    counters.fallback('timeout');
    counters.failure('unknown_article');
    const text = await metrics.render();
    expect(text).toMatch(/^gonghui_draft_attempts 3$/m);
    expect(text).toMatch(/^gonghui_draft_verified 2$/m);
    expect(text).toMatch(/^gonghui_draft_fallbacks\{reason="timeout"\} 1$/m);
    expect(text).toMatch(/^gonghui_draft_verification_failures\{kind="unknown_article"\} 1$/m);
    counters.attempts = 5;
    expect(await metrics.render()).toMatch(/^gonghui_draft_attempts 5$/m);
  });
});
