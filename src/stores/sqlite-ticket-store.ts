import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { ChannelName, OutboxItem, OutboxKind, Ticket } from '../conversation/types.js';
import type { ConversationRecord, TicketStore } from './ticket-store.js';

const MIGRATIONS = [
  `CREATE TABLE conversations (
     channel TEXT NOT NULL, conversation_id TEXT NOT NULL, state TEXT NOT NULL, lang TEXT,
     history TEXT NOT NULL, ticket_id TEXT, last_notice_at INTEGER, updated_at INTEGER NOT NULL,
     PRIMARY KEY (channel, conversation_id));
   CREATE TABLE tickets (
     id TEXT PRIMARY KEY, channel TEXT NOT NULL, conversation_id TEXT NOT NULL, body TEXT NOT NULL,
     status TEXT NOT NULL, owner TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
   CREATE INDEX tickets_status ON tickets(status);
   CREATE TABLE processed_messages (channel TEXT NOT NULL, message_id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (channel, message_id));
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, ticket_id TEXT NOT NULL, payload TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, due_at INTEGER NOT NULL, created_at INTEGER NOT NULL, delivered_at INTEGER);
   CREATE INDEX outbox_due ON outbox(delivered_at, due_at);`,
  `CREATE TABLE worker_inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX worker_inbox_conversation ON worker_inbox(conversation_id, id);`,
];

const ticketSchema = z.object({
  id: z.string(),
  channel: z.enum(['wechat', 'http', 'cli']),
  conversationId: z.string(),
  language: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  category: z.enum(['urgent', 'person']),
  reasons: z.array(z.string()),
  summary: z.string(),
  transcript: z.array(z.object({ role: z.enum(['worker', 'bot', 'staff']), text: z.string(), at: z.number() })),
  citations: z.array(z.looseObject({ law: z.string(), title: z.string(), excerpt: z.string(), score: z.number(), passageId: z.string(), label: z.string(), article: z.number().optional() })),
  status: z.enum(['open', 'claimed', 'resolved']),
  owner: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  slack: z.object({ channel: z.string(), ts: z.string() }).optional(),
});

interface ConversationRow {
  channel: ChannelName;
  conversation_id: string;
  state: ConversationRecord['state'];
  lang: ConversationRecord['lang'] | null;
  history: string;
  ticket_id: string | null;
  last_notice_at: number | null;
  updated_at: number;
}

/**
 * The embedded ticket store: one SQLite file in WAL mode. Ticket writes and
 * their outbox events share a transaction, so a crash between "write the
 * ticket" and "post it to Slack" loses nothing: the event is still in the
 * outbox at the next start.
 */
export function openSqliteTicketStore(path: string): TicketStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }

  const insertOutbox = db.prepare('INSERT INTO outbox (kind, ticket_id, payload, due_at, created_at) VALUES (?, ?, ?, ?, ?)');
  const upsertTicket = db.prepare(
    `INSERT INTO tickets (id, channel, conversation_id, body, status, owner, created_at, updated_at) VALUES (@id, @channel, @conversationId, @body, @status, @owner, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET body = excluded.body, status = excluded.status, owner = excluded.owner, updated_at = excluded.updated_at`,
  );
  const selectTicket = db.prepare('SELECT body FROM tickets WHERE id = ?');
  const parseTicket = (row: { body: string } | undefined): Ticket | undefined => (row ? (ticketSchema.parse(JSON.parse(row.body)) as Ticket) : undefined);
  const writeTicket = (t: Ticket) =>
    upsertTicket.run({ id: t.id, channel: t.channel, conversationId: t.conversationId, body: JSON.stringify(t), status: t.status, owner: t.owner ?? null, createdAt: t.createdAt, updatedAt: t.updatedAt });
  const enqueueAll = (ticketId: string, events: readonly { kind: OutboxKind; payload: unknown }[], at: number) => {
    for (const e of events) insertOutbox.run(e.kind, ticketId, JSON.stringify(e.payload ?? {}), at, at);
  };

  const saveTicketTx = db.transaction((ticket: Ticket, events: readonly { kind: OutboxKind; payload: unknown }[]) => {
    writeTicket(ticket);
    enqueueAll(ticket.id, events, ticket.updatedAt);
  });
  const claimTx = db.transaction((id: string, owner: string, at: number, events: readonly { kind: OutboxKind; payload: unknown }[]) => {
    const ticket = parseTicket(selectTicket.get(id) as { body: string } | undefined);
    if (!ticket || ticket.status !== 'open') return { claimed: false, ticket };
    const claimed: Ticket = { ...ticket, status: 'claimed', owner, updatedAt: at };
    writeTicket(claimed);
    enqueueAll(id, events, at);
    return { claimed: true, ticket: claimed };
  });

  const takeInboxTx = db.transaction((conversationId: string) => {
    const rows = db.prepare('SELECT text FROM worker_inbox WHERE conversation_id = ? ORDER BY id').all(conversationId) as { text: string }[];
    db.prepare('DELETE FROM worker_inbox WHERE conversation_id = ?').run(conversationId);
    return rows.map((r) => r.text);
  });

  return {
    async markProcessed(channel, messageId, at) {
      return db.prepare('INSERT OR IGNORE INTO processed_messages (channel, message_id, at) VALUES (?, ?, ?)').run(channel, messageId, at).changes === 1;
    },
    async getConversation(channel, conversationId) {
      const row = db.prepare('SELECT * FROM conversations WHERE channel = ? AND conversation_id = ?').get(channel, conversationId) as ConversationRow | undefined;
      if (!row) return undefined;
      return {
        channel: row.channel,
        conversationId: row.conversation_id,
        state: row.state,
        ...(row.lang ? { lang: row.lang } : {}),
        history: JSON.parse(row.history) as ConversationRecord['history'],
        ...(row.ticket_id ? { ticketId: row.ticket_id } : {}),
        ...(row.last_notice_at !== null ? { lastNoticeAt: row.last_notice_at } : {}),
        updatedAt: row.updated_at,
      };
    },
    async saveConversation(r) {
      db.prepare(
        `INSERT INTO conversations (channel, conversation_id, state, lang, history, ticket_id, last_notice_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(channel, conversation_id) DO UPDATE SET state = excluded.state, lang = excluded.lang, history = excluded.history,
           ticket_id = excluded.ticket_id, last_notice_at = excluded.last_notice_at, updated_at = excluded.updated_at`,
      ).run(r.channel, r.conversationId, r.state, r.lang ?? null, JSON.stringify(r.history), r.ticketId ?? null, r.lastNoticeAt ?? null, r.updatedAt);
    },
    async getTicket(id) {
      return parseTicket(selectTicket.get(id) as { body: string } | undefined);
    },
    async listOpenTickets() {
      return (db.prepare("SELECT body FROM tickets WHERE status != 'resolved' ORDER BY created_at").all() as { body: string }[]).map((r) => parseTicket(r)!);
    },
    async saveTicket(ticket, events) {
      saveTicketTx(ticket, events);
    },
    async claimTicket(id, owner, at, events) {
      return claimTx(id, owner, at, events);
    },
    async enqueue(kind, ticketId, payload, at) {
      insertOutbox.run(kind, ticketId, JSON.stringify(payload ?? {}), at, at);
    },
    async dueOutbox(now, limit) {
      const rows = db
        .prepare('SELECT id, kind, ticket_id, payload, attempts, created_at FROM outbox WHERE delivered_at IS NULL AND due_at <= ? ORDER BY id LIMIT ?')
        .all(now, limit) as { id: number; kind: OutboxKind; ticket_id: string; payload: string; attempts: number; created_at: number }[];
      return rows.map((r) => ({ id: r.id, kind: r.kind, ticketId: r.ticket_id, payload: r.payload, attempts: r.attempts, createdAt: r.created_at }));
    },
    async markDelivered(id, at) {
      db.prepare('UPDATE outbox SET delivered_at = ? WHERE id = ?').run(at, id);
    },
    async markFailed(id, retryAt) {
      db.prepare('UPDATE outbox SET attempts = attempts + 1, due_at = ? WHERE id = ?').run(retryAt, id);
    },
    async setSlackRef(ticketId, ref) {
      const ticket = parseTicket(selectTicket.get(ticketId) as { body: string } | undefined);
      if (ticket) writeTicket({ ...ticket, slack: ref });
    },
    async pushInbox(conversationId, text, at) {
      db.prepare('INSERT INTO worker_inbox (conversation_id, text, at) VALUES (?, ?, ?)').run(conversationId, text, at);
    },
    async takeInbox(conversationId) {
      return takeInboxTx(conversationId);
    },
    async close() {
      db.close();
    },
  };
}
