import { storedTicketSchema } from './ticket-schema.js';
import { conversationFromRow, inboundFromRow, type ConversationRow, type InboundRow } from './store-rows.js';
import Database from 'better-sqlite3';
import { CLEAR_TEXT, type FieldCipher } from '../privacy/field-cipher.js';
import { ensurePrivateFile } from '../shared/private-file.js';
import type { ChannelName, OutboxKind, Ticket } from '../conversation/types.js';
import {
  outboxStream,
  type ConversationRecord,
  type EraseCounts,
  type MessageOutcome,
  type PurgeCounts,
  type OutboxEvent,
  type TicketChange,
  type TicketStore,
} from '../conversation/ticket-store.js';

/** Schema versions in order; `PRAGMA user_version` records how many were applied. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversations (
     channel TEXT NOT NULL, conversation_id TEXT NOT NULL, state TEXT NOT NULL, lang TEXT,
     history TEXT NOT NULL, ticket_id TEXT, last_notice_at INTEGER, updated_at INTEGER NOT NULL,
     PRIMARY KEY (channel, conversation_id));
   CREATE TABLE tickets (
     id TEXT PRIMARY KEY, channel TEXT NOT NULL, conversation_id TEXT NOT NULL, body TEXT NOT NULL,
     status TEXT NOT NULL, owner TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
   CREATE INDEX tickets_status ON tickets(status);
   CREATE TABLE processed_messages (
     channel TEXT NOT NULL, message_id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (channel, message_id));
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, ticket_id TEXT NOT NULL, payload TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, due_at INTEGER NOT NULL, created_at INTEGER NOT NULL, delivered_at INTEGER);
   CREATE INDEX outbox_due ON outbox(delivered_at, due_at);`,
  `CREATE TABLE worker_inbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX worker_inbox_conversation ON worker_inbox(conversation_id, id);`,
  // Delivery streams (ordering per ticket and destination) and one-time events such as reminders.
  `ALTER TABLE outbox ADD COLUMN stream TEXT NOT NULL DEFAULT 'desk';
   UPDATE outbox SET stream = 'worker' WHERE kind = 'worker.send';
   ALTER TABLE outbox ADD COLUMN dedupe_key TEXT;
   CREATE UNIQUE INDEX outbox_dedupe ON outbox(dedupe_key) WHERE dedupe_key IS NOT NULL;
   CREATE INDEX outbox_stream ON outbox(ticket_id, stream, id) WHERE delivered_at IS NULL;
   CREATE INDEX processed_messages_at ON processed_messages(at);`,
  // Inbound journal: idempotency per sender, the original replies, and crash recovery of unfinished messages.
  `CREATE TABLE inbound_messages (
     channel TEXT NOT NULL, user_id TEXT NOT NULL, message_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
     kind TEXT NOT NULL, text TEXT NOT NULL, urgency TEXT NOT NULL, status TEXT NOT NULL, replies TEXT, ticket_id TEXT,
     received_at INTEGER NOT NULL, finished_at INTEGER,
     PRIMARY KEY (channel, user_id, message_id));
   CREATE INDEX inbound_pending ON inbound_messages(received_at) WHERE status = 'received';
   CREATE INDEX inbound_finished ON inbound_messages(finished_at);`,
  // Outbox: a send in flight (look up before re-posting after a crash), dead letters; ticket category
  // for cheap reminder checks.
  `ALTER TABLE outbox ADD COLUMN started_at INTEGER;
   ALTER TABLE outbox ADD COLUMN dead_at INTEGER;
   ALTER TABLE outbox ADD COLUMN last_error TEXT;
   ALTER TABLE tickets ADD COLUMN category TEXT;
   UPDATE tickets SET category = json_extract(body, '$.category');
   CREATE INDEX tickets_unclaimed ON tickets(status, category, created_at);`,
];

/** Thrown inside a transaction to roll it back when a ticket change declined. */
class Declined extends Error {}

/**
 * Where an outbox item goes: `slack` for desk events, else the worker's
 * channel (the ticket's, or for `reply.send` the one in its stream key
 * `reply:<channel>:<conversation>`).
 */
const DESTINATION_SQL = `CASE WHEN o.stream = 'desk' THEN 'slack'
  WHEN o.kind = 'reply.send' THEN substr(o.ticket_id, 7, instr(substr(o.ticket_id, 7), ':') - 1)
  ELSE COALESCE((SELECT t.channel FROM tickets t WHERE t.id = o.ticket_id), 'unknown') END`;

/** Default location of the store inside the data directory. */
export const DEFAULT_STORE_FILE = 'gonghui.sqlite';

/**
 * The embedded ticket store: one SQLite file in WAL mode. Ticket writes and
 * their outbox events share a transaction, so a crash between "write the
 * ticket" and "post it to Slack" loses nothing: the event is still in the
 * outbox at the next start. Read-modify-write of a ticket runs inside an
 * IMMEDIATE transaction, so two processes (or two awaits) cannot interleave.
 */
export interface SqliteStoreOptions {
  /** Encrypts ticket transcripts, conversation histories, journaled messages and inbox texts. @default clear text */
  readonly cipher?: FieldCipher;
}

export function openSqliteTicketStore(path: string, options: SqliteStoreOptions = {}): TicketStore {
  const cipher = options.cipher ?? CLEAR_TEXT;
  // 0600: tickets hold workers' personal data.
  if (path !== ':memory:') ensurePrivateFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Erased rows are overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }

  const insertOutbox = db.prepare(
    `INSERT INTO outbox (kind, stream, ticket_id, payload, due_at, created_at, dedupe_key)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertTicket = db.prepare(
    `INSERT INTO tickets (id, channel, conversation_id, body, status, owner, category, created_at, updated_at)
     VALUES (@id, @channel, @conversationId, @body, @status, @owner, @category, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET body = excluded.body, status = excluded.status, owner = excluded.owner,
       category = excluded.category, updated_at = excluded.updated_at`,
  );
  const selectTicket = db.prepare('SELECT body FROM tickets WHERE id = ?');
  const selectConversation = db.prepare('SELECT * FROM conversations WHERE channel = ? AND conversation_id = ?');
  const upsertConversation = db.prepare(
    `INSERT INTO conversations (channel, conversation_id, state, lang, history, ticket_id, last_notice_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(channel, conversation_id) DO UPDATE SET
       state = excluded.state, lang = excluded.lang, history = excluded.history,
       ticket_id = excluded.ticket_id, last_notice_at = excluded.last_notice_at, updated_at = excluded.updated_at`,
  );
  const insertProcessed = db.prepare(
    'INSERT OR IGNORE INTO processed_messages (channel, message_id, at) VALUES (?, ?, ?)',
  );
  // Due items that do not wait behind an earlier, still undelivered item of the same ticket and stream
  // (an earlier item that is due comes first in the same batch; the dispatcher stops a stream at its first failure).
  const selectDue = db.prepare(
    `SELECT * FROM (SELECT o.id, o.kind, o.ticket_id, o.payload, o.attempts, o.created_at, o.started_at,
         ${DESTINATION_SQL} AS destination FROM outbox o
       WHERE o.delivered_at IS NULL AND o.dead_at IS NULL AND o.due_at <= @now
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.delivered_at IS NULL AND p.dead_at IS NULL
           AND p.ticket_id = o.ticket_id AND p.stream = o.stream AND p.id < o.id AND p.due_at > @now))
     WHERE destination NOT IN (SELECT value FROM json_each(@exclude))
     ORDER BY id LIMIT @limit`,
  );
  const updateDelivered = db.prepare('UPDATE outbox SET delivered_at = ? WHERE id = ?');
  const updateFailed = db.prepare('UPDATE outbox SET attempts = attempts + 1, due_at = ? WHERE id = ?');
  const insertInbox = db.prepare('INSERT INTO worker_inbox (conversation_id, text, at) VALUES (?, ?, ?)');
  const selectInbox = db.prepare('SELECT id, text, at FROM worker_inbox WHERE conversation_id = ? ORDER BY id');
  const deleteInbox = db.prepare('DELETE FROM worker_inbox WHERE conversation_id = ? AND id <= ?');

  const parseTicket = (row: { body: string } | undefined): Ticket | undefined => {
    if (!row) return undefined;
    const t = storedTicketSchema.parse(JSON.parse(row.body)) as Ticket;
    return { ...t, transcript: t.transcript.map((e) => ({ ...e, text: cipher.decrypt(e.text) })) };
  };
  const readTicket = (id: string) => parseTicket(selectTicket.get(id) as { body: string } | undefined);
  const writeTicket = (t: Ticket) => {
    // Validated on the way in too: a malformed body would break every later read of the open tickets.
    storedTicketSchema.parse(t);
    upsertTicket.run({
      id: t.id,
      channel: t.channel,
      conversationId: t.conversationId,
      body: JSON.stringify({ ...t, transcript: t.transcript.map((e) => ({ ...e, text: cipher.encrypt(e.text) })) }),
      status: t.status,
      owner: t.owner ?? null,
      category: t.category,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    });
  };
  const enqueueAll = (ticketId: string, events: readonly OutboxEvent[], at: number) => {
    for (const e of events)
      insertOutbox.run(
        e.kind,
        outboxStream(e.kind),
        ticketId,
        cipher.encrypt(JSON.stringify(e.payload ?? {})),
        at,
        at,
        null,
      );
  };

  const writeConversation = (r: ConversationRecord) =>
    upsertConversation.run(
      r.channel,
      r.conversationId,
      r.state,
      r.lang ?? null,
      cipher.encrypt(JSON.stringify(r.history)),
      r.ticketId ?? null,
      r.lastNoticeAt ?? null,
      r.updatedAt,
    );
  const saveTicketTx = db.transaction(
    (ticket: Ticket, events: readonly OutboxEvent[], conversation: ConversationRecord | undefined) => {
      writeTicket(ticket);
      enqueueAll(ticket.id, events, ticket.updatedAt);
      if (conversation) writeConversation(conversation);
    },
  );
  const updateTicketTx = db.transaction((id: string, change: (current: Ticket) => TicketChange | undefined) => {
    const current = readTicket(id);
    if (!current) return { changed: false };
    const next = change(current);
    if (!next) return { changed: false, ticket: current };
    if (next.ticket.id !== id) throw new Error(`updateTicket: change returned ticket ${next.ticket.id} for ${id}`);
    writeTicket(next.ticket);
    enqueueAll(id, next.events, next.ticket.updatedAt);
    return { changed: true, ticket: next.ticket };
  });
  const insertOutboxOnce = db.prepare(
    `INSERT OR IGNORE INTO outbox (kind, stream, ticket_id, payload, due_at, created_at, dedupe_key)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const pruneTx = db.transaction((before: number) => {
    const a = db.prepare('DELETE FROM processed_messages WHERE at < ?').run(before).changes;
    // Keyed events (reminders) stay: their key is what makes them one-time.
    const b = db
      .prepare('DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ? AND dedupe_key IS NULL')
      .run(before).changes;
    return a + b;
  });
  const insertInbound = db.prepare(
    `INSERT OR IGNORE INTO inbound_messages
       (channel, user_id, message_id, conversation_id, kind, text, urgency, status, received_at)
     VALUES (@channel, @userId, @messageId, @conversationId, @kind, @text, @urgency, 'received', @receivedAt)`,
  );
  const selectInbound = db.prepare(
    'SELECT * FROM inbound_messages WHERE channel = ? AND user_id = ? AND message_id = ?',
  );
  const selectPendingInbound = db.prepare(
    "SELECT * FROM inbound_messages WHERE status = 'received' ORDER BY received_at LIMIT ?",
  );
  // The text is dropped once answered: the conversation history keeps what follow-ups need.
  const updateInboundFinished = db.prepare(
    `UPDATE inbound_messages SET status = ?, replies = ?, ticket_id = ?, finished_at = ?,
       text = CASE WHEN ? = 'answered' THEN '' ELSE text END
     WHERE channel = ? AND user_id = ? AND message_id = ?`,
  );
  const finishTx = db.transaction((o: MessageOutcome) => {
    let ticketId = o.newTicket?.ticket.id;
    if (o.ticketChange) {
      const r = updateTicketTx(o.ticketChange.id, o.ticketChange.change);
      if (!r.changed) throw new Declined();
      ticketId = o.ticketChange.id;
    }
    if (o.newTicket) {
      writeTicket(o.newTicket.ticket);
      enqueueAll(o.newTicket.ticket.id, o.newTicket.events, o.newTicket.ticket.updatedAt);
    }
    if (o.conversation) writeConversation(o.conversation);
    if (o.deliver) enqueueAll(o.deliver.stream, o.deliver.events, o.at);
    const k = o.key;
    updateInboundFinished.run(
      o.status,
      cipher.encrypt(o.replies),
      ticketId ?? null,
      o.at,
      o.status,
      k.channel,
      k.userId,
      k.messageId,
    );
  });
  const purgeTx = db.transaction(
    (c: { conversationsBefore: number; closedTicketsBefore: number; processedBefore: number }): PurgeCounts => {
      const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args).changes;
      const closed = db
        .prepare("SELECT id FROM tickets WHERE status = 'resolved' AND updated_at < ?")
        .all(c.closedTicketsBefore) as { id: string }[];
      let outbox = 0;
      for (const t of closed) outbox += run('DELETE FROM outbox WHERE ticket_id = ?', t.id);
      const closedTickets = run(
        "DELETE FROM tickets WHERE status = 'resolved' AND updated_at < ?",
        c.closedTicketsBefore,
      );
      // Ordinary chats only: a conversation waiting for or owned by staff keeps its record.
      const conversations = run(
        "DELETE FROM conversations WHERE state = 'bot' AND updated_at < ?",
        c.conversationsBefore,
      );
      const inbox = run('DELETE FROM worker_inbox WHERE at < ?', c.closedTicketsBefore);
      const processed =
        run('DELETE FROM processed_messages WHERE at < ?', c.processedBefore) +
        run("DELETE FROM inbound_messages WHERE status != 'received' AND finished_at < ?", c.processedBefore);
      outbox += run(
        'DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ? AND dedupe_key IS NULL',
        c.processedBefore,
      );
      return { conversations, closedTickets, processed, outbox, inbox };
    },
  );
  const eraseTx = db.transaction(
    (
      channel: ChannelName,
      conversationId: string,
      keep: { userId: string; messageId: string } | undefined,
    ): EraseCounts => {
      const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args).changes;
      const ids = (
        db.prepare('SELECT id FROM tickets WHERE channel = ? AND conversation_id = ?').all(channel, conversationId) as {
          id: string;
        }[]
      ).map((r) => r.id);
      let outbox = 0;
      for (const id of ids) outbox += run('DELETE FROM outbox WHERE ticket_id = ?', id);
      outbox += run(
        "DELETE FROM outbox WHERE kind = 'reply.send' AND ticket_id = ?",
        `reply:${channel}:${conversationId}`,
      );
      const tickets = run('DELETE FROM tickets WHERE channel = ? AND conversation_id = ?', channel, conversationId);
      const conversations = run(
        'DELETE FROM conversations WHERE channel = ? AND conversation_id = ?',
        channel,
        conversationId,
      );
      const messages = run(
        `DELETE FROM inbound_messages
         WHERE channel = ? AND conversation_id = ? AND NOT (user_id = ? AND message_id = ?)`,
        channel,
        conversationId,
        keep?.userId ?? '',
        keep?.messageId ?? '',
      );
      const inbox = channel === 'http' ? run('DELETE FROM worker_inbox WHERE conversation_id = ?', conversationId) : 0;
      return { tickets, conversations, messages, inbox, outbox, ticketIds: ids };
    },
  );
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

  return {
    async markProcessed(channel, messageId, at) {
      return insertProcessed.run(channel, messageId, at).changes === 1;
    },
    async recordInbound(record) {
      if (insertInbound.run({ ...record, text: record.text ? cipher.encrypt(record.text) : '' }).changes === 1)
        return { created: true };
      return {
        created: false,
        record: inboundFromRow(
          selectInbound.get(record.channel, record.userId, record.messageId) as InboundRow,
          cipher,
        ),
      };
    },
    async getInbound(key) {
      const row = selectInbound.get(key.channel, key.userId, key.messageId) as InboundRow | undefined;
      return row ? inboundFromRow(row, cipher) : undefined;
    },
    async pendingInbound(limit) {
      return (selectPendingInbound.all(limit) as InboundRow[]).map((r) => inboundFromRow(r, cipher));
    },
    async finishMessage(outcome) {
      try {
        finishTx.immediate(outcome);
        return true;
      } catch (error) {
        if (error instanceof Declined) return false;
        throw error;
      }
    },
    async getConversation(channel, conversationId) {
      const row = selectConversation.get(channel, conversationId) as ConversationRow | undefined;
      if (!row) return undefined;
      return conversationFromRow(row, JSON.parse(cipher.decrypt(row.history)) as ConversationRecord['history']);
    },
    async saveConversation(r) {
      writeConversation(r);
    },
    async getTicket(id) {
      return readTicket(id);
    },
    async listOpenTickets() {
      return (
        db.prepare("SELECT body FROM tickets WHERE status != 'resolved' ORDER BY created_at").all() as {
          body: string;
        }[]
      ).map((r) => parseTicket(r)!);
    },
    async saveTicket(ticket, events, conversation) {
      saveTicketTx.immediate(ticket, events, conversation);
    },
    async updateTicket(id, change) {
      return updateTicketTx.immediate(id, change);
    },
    async claimTicket(id, owner, at, events) {
      const result = updateTicketTx.immediate(id, (t) =>
        t.status === 'open' ? { ticket: { ...t, status: 'claimed', owner, updatedAt: at }, events } : undefined,
      );
      return { claimed: result.changed, ...(result.ticket ? { ticket: result.ticket } : {}) };
    },
    async enqueue(kind, ticketId, payload, at) {
      insertOutbox.run(kind, outboxStream(kind), ticketId, cipher.encrypt(JSON.stringify(payload ?? {})), at, at, null);
    },
    async enqueueOnce(kind, ticketId, payload, at, key) {
      return (
        insertOutboxOnce.run(
          kind,
          outboxStream(kind),
          ticketId,
          cipher.encrypt(JSON.stringify(payload ?? {})),
          at,
          at,
          key,
        ).changes === 1
      );
    },
    async dueOutbox(now, limit, excludeDestinations = []) {
      const rows = selectDue.all({ now, limit, exclude: JSON.stringify(excludeDestinations) }) as {
        id: number;
        kind: OutboxKind;
        ticket_id: string;
        payload: string;
        attempts: number;
        created_at: number;
        started_at: number | null;
        destination: string;
      }[];
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        ticketId: r.ticket_id,
        payload: cipher.decrypt(r.payload),
        attempts: r.attempts,
        createdAt: r.created_at,
        destination: r.destination,
        ...(r.started_at !== null ? { startedAt: r.started_at } : {}),
      }));
    },
    async beginAttempt(id, at) {
      db.prepare('UPDATE outbox SET started_at = ? WHERE id = ?').run(at, id);
    },
    async markDead(id, at, error) {
      db.prepare('UPDATE outbox SET dead_at = ?, last_error = ? WHERE id = ?').run(at, error.slice(0, 500), id);
    },
    async outboxStats(now) {
      const rows = db
        .prepare(
          `SELECT ${DESTINATION_SQL} AS destination, count(*) AS depth, min(o.created_at) AS oldest,
             sum(o.dead_at IS NOT NULL) AS dead
           FROM outbox o WHERE o.delivered_at IS NULL GROUP BY destination`,
        )
        .all() as { destination: string; depth: number; oldest: number; dead: number }[];
      const oldestUrgent = (
        db.prepare("SELECT min(created_at) AS t FROM tickets WHERE status = 'open' AND category = 'urgent'").get() as {
          t: number | null;
        }
      ).t;
      return {
        destinations: rows.map((r) => ({
          destination: r.destination,
          depth: r.depth - r.dead,
          oldestAgeMs: Math.max(0, now - r.oldest),
          deadLetters: r.dead,
        })),
        oldestUnclaimedUrgentAgeMs: oldestUrgent === null ? 0 : Math.max(0, now - oldestUrgent),
      };
    },
    async unclaimedUrgentWithoutReminder(before) {
      return (
        db
          .prepare(
            `SELECT id FROM tickets t WHERE status = 'open' AND category = 'urgent' AND created_at < ?
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key = 'remind:' || t.id)`,
          )
          .all(before) as { id: string }[]
      ).map((r) => r.id);
    },
    async markDelivered(id, at) {
      updateDelivered.run(at, id);
    },
    async markFailed(id, retryAt) {
      updateFailed.run(retryAt, id);
    },
    async setSlackRef(ticketId, ref) {
      updateTicketTx.immediate(ticketId, (t) => ({ ticket: { ...t, slack: ref }, events: [] }));
    },
    async pushInbox(conversationId, text, at) {
      insertInbox.run(conversationId, cipher.encrypt(text), at);
    },
    async readInbox(conversationId) {
      return (selectInbox.all(conversationId) as { id: number; text: string; at: number }[]).map((m) => ({
        ...m,
        text: cipher.decrypt(m.text),
      }));
    },
    async ackInbox(conversationId, upToId) {
      return deleteInbox.run(conversationId, upToId).changes;
    },
    async purge(cutoffs) {
      const counts = purgeTx.immediate(cutoffs);
      // Deleted rows also leave the write-ahead log.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    },
    async eraseConversation(channel, conversationId, keep) {
      const counts = eraseTx.immediate(channel, conversationId, keep);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    },
    async prune(before) {
      return pruneTx.immediate(before);
    },
    async stats() {
      return {
        processedMessages: count('SELECT count(*) AS n FROM processed_messages'),
        conversations: count('SELECT count(*) AS n FROM conversations'),
        openTickets: count("SELECT count(*) AS n FROM tickets WHERE status != 'resolved'"),
        pendingOutbox: count('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL'),
      };
    },
    async close() {
      db.close();
    },
  };
}
