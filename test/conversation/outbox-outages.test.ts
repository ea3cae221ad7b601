import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlackDesk } from '../../src/channels/slack/slack-desk.js';
import { loadNotices } from '../../src/conversation/notices.js';
import { createOutboxDispatcher } from '../../src/conversation/outbox-dispatcher.js';
import type { StaffDesk, Ticket } from '../../src/conversation/types.js';
import { Metrics } from '../../src/shared/metrics.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { RecordingDesk, RecordingSender } from '../helpers/recording-channels.js';
import { makeTicket } from '../helpers/tickets.js';

const notices = loadNotices('knowledge');
const newStore = () => openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'outage-')), 'db.sqlite'));
const ticket = (id: string, over: Partial<Ticket> = {}): Ticket =>
  makeTicket({ id, conversationId: `c-${id}`, createdAt: Date.now(), updatedAt: Date.now(), ...over });

/** The real Slack desk, talking to a FakeSlackApi at `base`. */
const slackDeskAt = (base: string) =>
  createSlackDesk({
    botToken: 'xoxb-test',
    signingSecret: 's'.repeat(32),
    channel: 'C0123ABCD',
    port: {} as never,
    slackApiUrl: `${base}/api/`,
  });

/** A desk whose every call hangs until released. */
class StuckDesk extends RecordingDesk {
  override postTicket(): Promise<{ channel: string; ts: string }> {
    return new Promise(() => undefined);
  }
}

const logs: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
const logger = {
  warn: (obj: Record<string, unknown>, msg: string) => logs.push({ level: 'warn', obj, msg }),
  error: (obj: Record<string, unknown>, msg: string) => logs.push({ level: 'error', obj, msg }),
  info: () => undefined,
  debug: () => undefined,
} as never;
afterEach(() => {
  logs.length = 0;
});

describe('outbox under outages', () => {
  it('delivers staff replies while Slack hangs, giving up on the stuck call with our own timeout', async () => {
    const store = newStore();
    await store.saveTicket(ticket('T1'), [{ kind: 'ticket.post', payload: {} }]);
    await store.saveTicket(ticket('T2', { slack: { channel: 'C', ts: '1' } }), [
      { kind: 'worker.send', payload: { text: '您好' } },
    ]);
    const sender = new RecordingSender('wechat');
    const metrics = new Metrics();
    const dispatcher = createOutboxDispatcher({
      store,
      desk: new StuckDesk(),
      senders: new Map([['wechat', sender]]),
      notices,
      sendTimeoutMs: 3000,
      metrics,
      logger,
    });
    dispatcher.start(5);
    // The worker's message goes out while the Slack post is still hanging.
    await vi.waitFor(() => expect(sender.sent).toHaveLength(1), { timeout: 10_000 });
    expect(metrics.get('gonghui_outbox_failures_total')).toBe(0);
    await dispatcher.stop();
    expect(metrics.get('gonghui_outbox_failures_total')).toBe(1);
    expect(logs.some((l) => String(l.obj.err).includes('timed out'))).toBe(true);
  }, 30_000);

  it('logs and counts each failure, moves an item to dead letters after N attempts with an error line', async () => {
    const store = newStore();
    await store.saveTicket(ticket('T1'), [{ kind: 'ticket.post', payload: {} }]);
    const desk = new RecordingDesk();
    desk.failNext = 100;
    let clock = Date.now();
    const metrics = new Metrics();
    const dispatcher = createOutboxDispatcher({
      store,
      desk,
      senders: new Map(),
      notices,
      maxAttempts: 3,
      metrics,
      logger,
      now: () => clock,
    });
    for (let i = 0; i < 5; i += 1) {
      await dispatcher.drainOnce();
      clock += 3_600_000;
    }
    expect(logs.filter((l) => l.msg.includes('will retry'))).toHaveLength(2);
    expect(logs.filter((l) => l.level === 'error' && l.msg.includes('dead letters'))).toHaveLength(1);
    expect(metrics.get('gonghui_outbox_failures_total')).toBe(2);
    expect(metrics.get('gonghui_outbox_dead_letters_total')).toBe(1);
    // A dead letter is not retried and no longer counts as pending work.
    expect(await store.dueOutbox(clock + 1e9, 10)).toEqual([]);
    expect((await store.outboxStats(clock)).destinations).toEqual([
      { destination: 'slack', depth: 0, oldestAgeMs: expect.any(Number), deadLetters: 1 },
    ]);
  });

  it('never posts a ticket twice when the process died between chat.postMessage and saving its reference', async () => {
    const api = new FakeSlackApi();
    const base = await api.start();
    const slack = slackDeskAt(base);
    const store = newStore();
    await store.saveTicket(ticket('T1'), [{ kind: 'ticket.post', payload: {} }]);
    // First life: the send started and reached Slack, then the process died before saving the ts.
    const [item] = await store.dueOutbox(Date.now() + 1, 10);
    await store.beginAttempt(item!.id, Date.now());
    await slack.desk.postTicket((await store.getTicket('T1'))!);
    // Second life.
    const dispatcher = createOutboxDispatcher({ store, desk: slack.desk, senders: new Map(), notices, logger });
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(api.named('chat.postMessage')).toHaveLength(1);
    expect((await store.getTicket('T1'))?.slack?.ts).toBe(api.channelMessages[0]?.ts);
    await api.stop();
  });

  it('turns the Slack client retries off: a failing call fails at once and the dispatcher retries it', async () => {
    const api = new FakeSlackApi();
    const base = await api.start();
    const slack = slackDeskAt(base);
    api.hang('chat.postMessage');
    const stuck: StaffDesk = slack.desk;
    const store = newStore();
    await store.saveTicket(ticket('T1'), [{ kind: 'ticket.post', payload: {} }]);
    const dispatcher = createOutboxDispatcher({
      store,
      desk: stuck,
      senders: new Map(),
      notices,
      sendTimeoutMs: 200,
      logger,
    });
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(logs.some((l) => String(l.obj.err).includes('timed out'))).toBe(true);
    // One request reached the fake: the client did not retry on its own.
    expect(api.named('chat.postMessage')).toHaveLength(1);
    await api.stop();
  });

  it('reminds about an unclaimed urgent ticket once, across restarts (no @here storm)', async () => {
    const store = newStore();
    const old = Date.now() - 3_600_000;
    for (const id of ['T1', 'T2', 'T3'])
      await store.saveTicket(ticket(id, { createdAt: old, slack: { channel: 'C', ts: id } }), []);
    await store.saveTicket(ticket('T4', { createdAt: old, category: 'person' }), []);
    const desk = new RecordingDesk();
    for (let life = 0; life < 3; life += 1) {
      const dispatcher = createOutboxDispatcher({ store, desk, senders: new Map(), notices, reminderMinutes: 10 });
      await dispatcher.checkReminders();
      await dispatcher.drainOnce();
    }
    expect(desk.reminders.sort()).toEqual(['T1', 'T2', 'T3']);
  });
});
