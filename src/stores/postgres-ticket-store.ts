import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import type { ChannelName, OutboxItem, OutboxKind, Ticket } from '../conversation/types.js';
import type { PgDatabase } from './postgres/pg-database.js';
import { storedHistorySchema, storedTicketSchema } from './ticket-schema.js';
import { outboxStream, type ConversationRecord, type OutboxEvent, type TicketChange, type TicketStore } from './ticket-store.js';

export interface PostgresTicketStoreSettings {
  /** How long an instance's claim on outbox items lasts; a dead instance's items go to another after it. @default 60 s */
  readonly outboxLeaseMs?: number;
  /** Names this instance's outbox claims. @default host-pid-random */
  readonly instanceId?: string;
}

type Queryable = pg.Pool | pg.PoolClient;

interface ConversationRow {
  channel: ChannelName;
  conversation_id: string;
  state: ConversationRecord['state'];
  lang: ConversationRecord['lang'] | null;
  history: unknown;
  ticket_id: string | null;
  last_notice_at: string | null;
  updated_at: string;
}

interface OutboxRow {
  id: string;
  kind: OutboxKind;
  ticket_id: string;
  payload: string;
  attempts: number;
  created_at: string;
}

/** PostgreSQL text cannot hold NUL: it becomes U+FFFD instead of failing the write (SQLite keeps it). */
const text = (s: string) => s.replace(/\u0000/g, '\uFFFD');
const json = (v: unknown) => JSON.stringify(v, (_key, value: unknown) => (typeof value === 'string' ? text(value) : value));
const textOrNull = (s: string | undefined) => (s === undefined ? null : text(s));

/** Serialises claims of outbox items across instances (a transaction-level advisory lock). */
const OUTBOX_CLAIM_LOCK = 0x6f_75_74_62_6f_78; // "outbox"

/**
 * The ticket store on PostgreSQL, for several instances sharing one
 * database. Same contract as the SQLite store, plus what several instances
 * need: the database decides de-duplication (primary keys, conditional
 * updates) and outbox items are claimed with `FOR UPDATE SKIP LOCKED` under
 * a lease, so any instance can dispatch and a dead instance's claims expire.
 * Inside a task run under the PostgreSQL conversation lock every query joins
 * that task's transaction (see pg-conversation-lock.ts).
 */
export function createPostgresTicketStore(db: PgDatabase, settings: PostgresTicketStoreSettings = {}): TicketStore {
  const leaseMs = settings.outboxLeaseMs ?? 60_000;
  const me = settings.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const q = () => db.current();

  /**
   * Runs `fn` in a transaction: a savepoint inside the task's transaction when
   * there is one (so a failed change is undone without aborting the task's
   * other writes), else a transaction of its own.
   */
  async function transaction<T>(fn: (c: Queryable) => Promise<T>): Promise<T> {
    const ambient = db.ambient.getStore();
    if (ambient) {
      await ambient.query('SAVEPOINT store_change');
      try {
        const result = await fn(ambient);
        await ambient.query('RELEASE SAVEPOINT store_change');
        return result;
      } catch (error) {
        await ambient.query('ROLLBACK TO SAVEPOINT store_change');
        throw error;
      }
    }
    const client = await db.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  const parseTicket = (body: unknown): Ticket => storedTicketSchema.parse(body) as Ticket;

  async function writeTicket(c: Queryable, t: Ticket): Promise<void> {
    storedTicketSchema.parse(t);
    await c.query(
      `INSERT INTO tickets (id, channel, conversation_id, body, status, owner, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, status = excluded.status, owner = excluded.owner, updated_at = excluded.updated_at`,
      [text(t.id), t.channel, text(t.conversationId), json(t), t.status, textOrNull(t.owner), t.createdAt, t.updatedAt],
    );
  }

  async function enqueueAll(c: Queryable, ticketId: string, events: readonly OutboxEvent[], at: number): Promise<void> {
    for (const e of events) await insertOutbox(c, e.kind, ticketId, e.payload, at, null);
  }

  async function insertOutbox(c: Queryable, kind: OutboxKind, ticketId: string, payload: unknown, at: number, key: string | null): Promise<boolean> {
    const result = await c.query(
      `INSERT INTO outbox (kind, stream, ticket_id, payload, due_at, created_at, dedupe_key) VALUES ($1, $2, $3, $4, $5, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [kind, outboxStream(kind), text(ticketId), json(payload ?? {}), at, key === null ? null : text(key)],
    );
    return result.rowCount === 1;
  }

  async function writeConversation(c: Queryable, r: ConversationRecord): Promise<void> {
    await c.query(
      `INSERT INTO conversations (channel, conversation_id, state, lang, history, ticket_id, last_notice_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (channel, conversation_id) DO UPDATE SET state = excluded.state, lang = excluded.lang, history = excluded.history,
         ticket_id = excluded.ticket_id, last_notice_at = excluded.last_notice_at, updated_at = excluded.updated_at`,
      [r.channel, text(r.conversationId), r.state, r.lang ?? null, json(r.history), textOrNull(r.ticketId), r.lastNoticeAt ?? null, r.updatedAt],
    );
  }

  async function updateTicketIn(c: Queryable, id: string, change: (current: Ticket) => TicketChange | undefined): Promise<{ changed: boolean; ticket?: Ticket }> {
    // The row lock makes concurrent changes (a claim on one instance, a worker message on another) take turns.
    const { rows } = await c.query<{ body: unknown }>('SELECT body FROM tickets WHERE id = $1 FOR UPDATE', [text(id)]);
    if (!rows[0]) return { changed: false };
    const current = parseTicket(rows[0].body);
    const next = change(current);
    if (!next) return { changed: false, ticket: current };
    if (next.ticket.id !== id) throw new Error(`updateTicket: change returned ticket ${next.ticket.id} for ${id}`);
    await writeTicket(c, next.ticket);
    await enqueueAll(c, id, next.events, next.ticket.updatedAt);
    return { changed: true, ticket: next.ticket };
  }

  const count = async (sql: string) => Number((await q().query<{ n: string }>(sql)).rows[0]?.n ?? 0);

  return {
    async markProcessed(channel, messageId, at) {
      const result = await q().query('INSERT INTO processed_messages (channel, message_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [channel, text(messageId), at]);
      return result.rowCount === 1;
    },
    async getConversation(channel, conversationId) {
      const { rows } = await q().query<ConversationRow>('SELECT * FROM conversations WHERE channel = $1 AND conversation_id = $2', [channel, text(conversationId)]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        channel: row.channel,
        conversationId: row.conversation_id,
        state: row.state,
        ...(row.lang ? { lang: row.lang } : {}),
        history: storedHistorySchema.parse(row.history),
        ...(row.ticket_id ? { ticketId: row.ticket_id } : {}),
        ...(row.last_notice_at !== null ? { lastNoticeAt: Number(row.last_notice_at) } : {}),
        updatedAt: Number(row.updated_at),
      };
    },
    async saveConversation(r) {
      await writeConversation(q(), r);
    },
    async getTicket(id) {
      const { rows } = await q().query<{ body: unknown }>('SELECT body FROM tickets WHERE id = $1', [text(id)]);
      return rows[0] ? parseTicket(rows[0].body) : undefined;
    },
    async listOpenTickets() {
      const { rows } = await q().query<{ body: unknown }>("SELECT body FROM tickets WHERE status <> 'resolved' ORDER BY created_at, id");
      return rows.map((r) => parseTicket(r.body));
    },
    async saveTicket(ticket, events, conversation) {
      await transaction(async (c) => {
        await writeTicket(c, ticket);
        await enqueueAll(c, ticket.id, events, ticket.updatedAt);
        if (conversation) await writeConversation(c, conversation);
      });
    },
    async updateTicket(id, change) {
      return transaction((c) => updateTicketIn(c, id, change));
    },
    async claimTicket(id, owner, at, events) {
      const result = await transaction((c) => updateTicketIn(c, id, (t) => (t.status === 'open' ? { ticket: { ...t, status: 'claimed', owner, updatedAt: at }, events } : undefined)));
      return { claimed: result.changed, ...(result.ticket ? { ticket: result.ticket } : {}) };
    },
    async enqueue(kind, ticketId, payload, at) {
      await insertOutbox(q(), kind, ticketId, payload, at, null);
    },
    async enqueueOnce(kind, ticketId, payload, at, key) {
      // The unique key decides: of two instances enqueueing the same reminder, one wins.
      return insertOutbox(q(), kind, ticketId, payload, at, key);
    },
    async dueOutbox(now, limit) {
      // Claims whole stream prefixes: an item is not taken while an earlier item of its stream waits for a
      // retry or is claimed by another instance. The advisory lock makes those checks see each other's claims;
      // SKIP LOCKED passes over rows another transaction is updating (delivered or failed right now).
      const rows = await transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_CLAIM_LOCK]);
        const { rows: claimed } = await c.query<OutboxRow>(
          `WITH due AS (
             SELECT o.id FROM outbox o
             WHERE o.delivered_at IS NULL AND o.due_at <= $1 AND (o.lease_until <= $1 OR o.leased_by = $2)
               AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.delivered_at IS NULL AND p.ticket_id = o.ticket_id AND p.stream = o.stream AND p.id < o.id
                                 AND (p.due_at > $1 OR (p.lease_until > $1 AND p.leased_by IS DISTINCT FROM $2)))
             ORDER BY o.id LIMIT $3 FOR UPDATE SKIP LOCKED)
           UPDATE outbox SET lease_until = $1::bigint + $4::bigint, leased_by = $2,
             -- taking over an expired claim of another instance counts as a failed attempt of that instance
             attempts = outbox.attempts + CASE WHEN outbox.leased_by IS NOT NULL AND outbox.leased_by <> $2 THEN 1 ELSE 0 END
           FROM due WHERE outbox.id = due.id
           RETURNING outbox.id, outbox.kind, outbox.ticket_id, outbox.payload, outbox.attempts, outbox.created_at`,
          [now, me, limit, leaseMs],
        );
        return claimed;
      });
      return rows
        .map((r): OutboxItem => ({ id: Number(r.id), kind: r.kind, ticketId: r.ticket_id, payload: r.payload, attempts: r.attempts, createdAt: Number(r.created_at) }))
        .sort((a, b) => a.id - b.id);
    },
    async markDelivered(id, at) {
      await q().query('UPDATE outbox SET delivered_at = $1, lease_until = 0, leased_by = NULL WHERE id = $2', [at, id]);
      // Progress renews this instance's other live claims: a slow batch keeps them, a dead instance's expire.
      await q().query('UPDATE outbox SET lease_until = $1::bigint + $2::bigint WHERE leased_by = $3 AND delivered_at IS NULL AND lease_until > $1', [at, leaseMs, me]);
    },
    async markFailed(id, retryAt) {
      await transaction(async (c) => {
        const { rows } = await c.query<{ ticket_id: string; stream: string }>(
          'UPDATE outbox SET attempts = attempts + 1, due_at = $1, lease_until = 0, leased_by = NULL WHERE id = $2 RETURNING ticket_id, stream',
          [retryAt, id],
        );
        // Later items of the stream this instance claimed wait behind the retry anyway: free them at once.
        if (rows[0]) {
          await c.query('UPDATE outbox SET lease_until = 0, leased_by = NULL WHERE ticket_id = $1 AND stream = $2 AND id > $3 AND leased_by = $4 AND delivered_at IS NULL', [
            rows[0].ticket_id,
            rows[0].stream,
            id,
            me,
          ]);
        }
      });
    },
    async setSlackRef(ticketId, ref) {
      await transaction((c) => updateTicketIn(c, ticketId, (t) => ({ ticket: { ...t, slack: ref }, events: [] })));
    },
    async pushInbox(conversationId, message, at) {
      await q().query('INSERT INTO worker_inbox (conversation_id, text, at) VALUES ($1, $2, $3)', [text(conversationId), text(message), at]);
    },
    async takeInbox(conversationId) {
      // One statement: two instances fetching at once split the messages, none is returned twice.
      const { rows } = await q().query<{ id: string; text: string }>('DELETE FROM worker_inbox WHERE conversation_id = $1 RETURNING id, text', [text(conversationId)]);
      return rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.text);
    },
    async prune(before) {
      return transaction(async (c) => {
        const a = (await c.query('DELETE FROM processed_messages WHERE at < $1', [before])).rowCount ?? 0;
        // Keyed events (reminders) stay: their key is what makes them one-time.
        const b = (await c.query('DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < $1 AND dedupe_key IS NULL', [before])).rowCount ?? 0;
        // An idle bucket has refilled long ago: forgetting it is the same as keeping it.
        const r = (await c.query('DELETE FROM rate_buckets WHERE at < $1', [before])).rowCount ?? 0;
        return a + b + r;
      });
    },
    async stats() {
      return {
        processedMessages: await count('SELECT count(*) AS n FROM processed_messages'),
        conversations: await count('SELECT count(*) AS n FROM conversations'),
        openTickets: await count("SELECT count(*) AS n FROM tickets WHERE status <> 'resolved'"),
        pendingOutbox: await count('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL'),
      };
    },
    async close() {
      await db.close();
    },
  };
}
