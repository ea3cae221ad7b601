import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import type { OutboxItem, OutboxKind, Ticket } from '../conversation/types.js';
import { CLEAR_TEXT, type FieldCipher } from '../privacy/field-cipher.js';
import { inTransaction, pgText as text, type PgDatabase } from './postgres/pg-database.js';
import { conversationFromRow, inboundFromRow, type ConversationRow, type InboundRow } from './store-rows.js';
import { storedHistorySchema, storedTicketSchema } from './ticket-schema.js';
import {
  outboxStream,
  type ConversationRecord,
  type EraseCounts,
  type MessageOutcome,
  type OutboxEvent,
  type PurgeCounts,
  type TicketChange,
  type TicketStore,
} from '../conversation/ticket-store.js';

export interface PostgresTicketStoreSettings {
  /**
   * How long an instance's claim on outbox items lasts; a dead instance's items go to another after it.
   * @default 60 s
   */
  readonly outboxLeaseMs?: number;
  /** Names this instance's outbox claims. @default host-pid-random */
  readonly instanceId?: string;
  /**
   * Encrypts ticket transcripts, conversation histories, journaled messages, inbox texts and outbox payloads.
   * @default clear text
   */
  readonly cipher?: FieldCipher;
}

type Queryable = pg.Pool | pg.PoolClient;

/** Thrown inside a transaction to roll it back when a ticket change declined. */
class Declined extends Error {}

interface OutboxRow {
  id: string;
  kind: OutboxKind;
  ticket_id: string;
  payload: string;
  attempts: number;
  created_at: string;
  started_at: string | null;
  destination: string;
}

/**
 * Where an outbox item goes: `slack` for desk events, else the worker's
 * channel (the ticket's, or for `reply.send` the one in its stream key
 * `reply:<channel>:<conversation>`).
 */
const DESTINATION_SQL = `CASE WHEN o.stream = 'desk' THEN 'slack'
  WHEN o.kind = 'reply.send' THEN split_part(o.ticket_id, ':', 2)
  ELSE COALESCE((SELECT t.channel FROM tickets t WHERE t.id = o.ticket_id), 'unknown') END`;

const json = (v: unknown) =>
  JSON.stringify(v, (_key, value: unknown) => (typeof value === 'string' ? text(value) : value));
const textOrNull = (s: string | undefined) => (s === undefined ? null : text(s));

/** Serialises claims of outbox items across instances (a transaction-level advisory lock). */
const OUTBOX_CLAIM_LOCK = 0x6f_75_74_62_6f_78; // "outbox"

/**
 * The ticket store on PostgreSQL, for several instances sharing one
 * database. Same contract as the SQLite store, plus what several instances
 * need: the database decides de-duplication (primary keys, conditional
 * updates) and outbox items are claimed with `FOR UPDATE SKIP LOCKED` under
 * a lease, so any instance can dispatch and a dead instance's claims expire.
 * Per-conversation order comes from pg-conversation-lock.ts.
 */
export function createPostgresTicketStore(db: PgDatabase, settings: PostgresTicketStoreSettings = {}): TicketStore {
  const leaseMs = settings.outboxLeaseMs ?? 60_000;
  const me = settings.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const cipher = settings.cipher ?? CLEAR_TEXT;
  const q = () => db.pool;

  const transaction = <T>(fn: (c: Queryable) => Promise<T>): Promise<T> => inTransaction(db.pool, fn);

  const parseTicket = (body: unknown): Ticket => {
    const t = storedTicketSchema.parse(body) as Ticket;
    return { ...t, transcript: t.transcript.map((e) => ({ ...e, text: cipher.decrypt(e.text) })) };
  };
  async function writeTicket(c: Queryable, t: Ticket): Promise<void> {
    storedTicketSchema.parse(t);
    await c.query(
      `INSERT INTO tickets (id, channel, conversation_id, body, status, owner, created_at, updated_at, category)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, status = excluded.status, owner = excluded.owner,
         updated_at = excluded.updated_at, category = excluded.category`,
      [
        text(t.id),
        t.channel,
        text(t.conversationId),
        json({ ...t, transcript: t.transcript.map((e) => ({ ...e, text: cipher.encrypt(text(e.text)) })) }),
        t.status,
        textOrNull(t.owner),
        t.createdAt,
        t.updatedAt,
        t.category,
      ],
    );
  }

  async function enqueueAll(c: Queryable, ticketId: string, events: readonly OutboxEvent[], at: number): Promise<void> {
    for (const e of events) await insertOutbox(c, e.kind, ticketId, e.payload, at, null);
  }

  async function insertOutbox(
    c: Queryable,
    kind: OutboxKind,
    ticketId: string,
    payload: unknown,
    at: number,
    key: string | null,
  ): Promise<boolean> {
    const result = await c.query(
      `INSERT INTO outbox (kind, stream, ticket_id, payload, due_at, created_at, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        kind,
        outboxStream(kind),
        text(ticketId),
        cipher.encrypt(json(payload ?? {})),
        at,
        key === null ? null : text(key),
      ],
    );
    return result.rowCount === 1;
  }

  async function writeConversation(c: Queryable, r: ConversationRecord): Promise<void> {
    await c.query(
      `INSERT INTO conversations (channel, conversation_id, state, lang, history, ticket_id, last_notice_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (channel, conversation_id) DO UPDATE SET
         state = excluded.state, lang = excluded.lang, history = excluded.history,
         ticket_id = excluded.ticket_id, last_notice_at = excluded.last_notice_at, updated_at = excluded.updated_at`,
      [
        r.channel,
        text(r.conversationId),
        r.state,
        r.lang ?? null,
        cipher.encrypt(json(r.history)),
        textOrNull(r.ticketId),
        r.lastNoticeAt ?? null,
        r.updatedAt,
      ],
    );
  }

  async function updateTicketIn(
    c: Queryable,
    id: string,
    change: (current: Ticket) => TicketChange | undefined,
  ): Promise<{ changed: boolean; ticket?: Ticket }> {
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

  /** Everything that finishes one message, in the caller's transaction; throws Declined to roll it back. */
  async function finishIn(c: Queryable, o: MessageOutcome): Promise<void> {
    let ticketId = o.newTicket?.ticket.id;
    if (o.ticketChange) {
      const r = await updateTicketIn(c, o.ticketChange.id, o.ticketChange.change);
      if (!r.changed) throw new Declined();
      ticketId = o.ticketChange.id;
    }
    if (o.newTicket) {
      await writeTicket(c, o.newTicket.ticket);
      await enqueueAll(c, o.newTicket.ticket.id, o.newTicket.events, o.newTicket.ticket.updatedAt);
    }
    if (o.conversation) await writeConversation(c, o.conversation);
    if (o.deliver) await enqueueAll(c, o.deliver.stream, o.deliver.events, o.at);
    const k = o.key;
    // The text is dropped once answered: the conversation history keeps what follow-ups need.
    await c.query(
      `UPDATE inbound_messages SET status = $1, replies = $2, ticket_id = $3, finished_at = $4,
         text = CASE WHEN $1 = 'answered' THEN '' ELSE text END
       WHERE channel = $5 AND user_id = $6 AND message_id = $7`,
      [
        o.status,
        cipher.encrypt(text(o.replies)),
        ticketId === undefined ? null : text(ticketId),
        o.at,
        k.channel,
        text(k.userId),
        text(k.messageId),
      ],
    );
  }

  const count = async (sql: string) => Number((await q().query<{ n: string }>(sql)).rows[0]?.n ?? 0);

  return {
    async markProcessed(channel, messageId, at) {
      const result = await q().query(
        'INSERT INTO processed_messages (channel, message_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [channel, text(messageId), at],
      );
      return result.rowCount === 1;
    },
    async getConversation(channel, conversationId) {
      const { rows } = await q().query<ConversationRow>(
        'SELECT * FROM conversations WHERE channel = $1 AND conversation_id = $2',
        [channel, text(conversationId)],
      );
      const row = rows[0];
      if (!row) return undefined;
      return conversationFromRow(row, storedHistorySchema.parse(JSON.parse(cipher.decrypt(row.history))));
    },
    async saveConversation(r) {
      await writeConversation(q(), r);
    },
    async getTicket(id) {
      const { rows } = await q().query<{ body: unknown }>('SELECT body FROM tickets WHERE id = $1', [text(id)]);
      return rows[0] ? parseTicket(rows[0].body) : undefined;
    },
    async listOpenTickets() {
      const { rows } = await q().query<{ body: unknown }>(
        "SELECT body FROM tickets WHERE status <> 'resolved' ORDER BY created_at, id",
      );
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
      const result = await transaction((c) =>
        updateTicketIn(c, id, (t) =>
          t.status === 'open' ? { ticket: { ...t, status: 'claimed', owner, updatedAt: at }, events } : undefined,
        ),
      );
      return { claimed: result.changed, ...(result.ticket ? { ticket: result.ticket } : {}) };
    },
    async enqueue(kind, ticketId, payload, at) {
      await insertOutbox(q(), kind, ticketId, payload, at, null);
    },
    async enqueueOnce(kind, ticketId, payload, at, key) {
      // The unique key decides: of two instances enqueueing the same reminder, one wins.
      return insertOutbox(q(), kind, ticketId, payload, at, key);
    },
    async dueOutbox(now, limit, excludeDestinations = []) {
      // Claims whole stream prefixes: an item is not taken while an earlier item of its stream waits for a
      // retry or is claimed by another instance. The advisory lock makes those checks see each other's claims;
      // SKIP LOCKED passes over rows another transaction is updating (delivered or failed right now).
      const rows = await transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_CLAIM_LOCK]);
        const { rows: claimed } = await c.query<OutboxRow>(
          `WITH due AS (
             SELECT o.id, ${DESTINATION_SQL} AS destination FROM outbox o
             WHERE o.delivered_at IS NULL AND o.dead_at IS NULL AND o.due_at <= $1
               AND (o.lease_until <= $1 OR o.leased_by = $2)
               AND NOT (${DESTINATION_SQL} = ANY($5::text[]))
               AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.delivered_at IS NULL AND p.dead_at IS NULL
                                 AND p.ticket_id = o.ticket_id AND p.stream = o.stream AND p.id < o.id
                                 AND (p.due_at > $1 OR (p.lease_until > $1 AND p.leased_by IS DISTINCT FROM $2)))
             ORDER BY o.id LIMIT $3 FOR UPDATE OF o SKIP LOCKED)
           UPDATE outbox SET lease_until = $1::bigint + $4::bigint, leased_by = $2,
             -- taking over an expired claim of another instance counts as a failed attempt of that instance
             attempts = outbox.attempts
               + CASE WHEN outbox.leased_by IS NOT NULL AND outbox.leased_by <> $2 THEN 1 ELSE 0 END
           FROM due WHERE outbox.id = due.id
           RETURNING outbox.id, outbox.kind, outbox.ticket_id, outbox.payload, outbox.attempts, outbox.created_at,
             outbox.started_at, due.destination`,
          [now, me, limit, leaseMs, [...excludeDestinations]],
        );
        return claimed;
      });
      return rows
        .map((r): OutboxItem => ({
          id: Number(r.id),
          kind: r.kind,
          ticketId: r.ticket_id,
          payload: cipher.decrypt(r.payload),
          attempts: r.attempts,
          createdAt: Number(r.created_at),
          destination: r.destination,
          ...(r.started_at !== null ? { startedAt: Number(r.started_at) } : {}),
        }))
        .sort((a, b) => a.id - b.id);
    },
    async markDelivered(id, at) {
      await q().query('UPDATE outbox SET delivered_at = $1, lease_until = 0, leased_by = NULL WHERE id = $2', [at, id]);
      // Progress renews this instance's other live claims: a slow batch keeps them, a dead instance's expire.
      await q().query(
        `UPDATE outbox SET lease_until = $1::bigint + $2::bigint
         WHERE leased_by = $3 AND delivered_at IS NULL AND lease_until > $1`,
        [at, leaseMs, me],
      );
    },
    async beginAttempt(id, at) {
      await q().query('UPDATE outbox SET started_at = $1 WHERE id = $2', [at, id]);
    },
    async markDead(id, at, error) {
      await q().query(
        'UPDATE outbox SET dead_at = $1, last_error = $2, lease_until = 0, leased_by = NULL WHERE id = $3',
        [at, text(error.slice(0, 500)), id],
      );
    },
    async outboxStats(now) {
      const { rows } = await q().query<{ destination: string; depth: string; oldest: string; dead: string }>(
        `SELECT ${DESTINATION_SQL} AS destination, count(*) AS depth, min(o.created_at) AS oldest,
           count(o.dead_at) AS dead
         FROM outbox o WHERE o.delivered_at IS NULL GROUP BY 1`,
      );
      const urgent = await q().query<{ t: string | null }>(
        "SELECT min(created_at) AS t FROM tickets WHERE status = 'open' AND category = 'urgent'",
      );
      const oldestUrgent = urgent.rows[0]?.t ?? null;
      return {
        destinations: rows.map((r) => ({
          destination: r.destination,
          depth: Number(r.depth) - Number(r.dead),
          oldestAgeMs: Math.max(0, now - Number(r.oldest)),
          deadLetters: Number(r.dead),
        })),
        oldestUnclaimedUrgentAgeMs: oldestUrgent === null ? 0 : Math.max(0, now - Number(oldestUrgent)),
      };
    },
    async unclaimedUrgentWithoutReminder(before) {
      const { rows } = await q().query<{ id: string }>(
        `SELECT id FROM tickets t WHERE status = 'open' AND category = 'urgent' AND created_at < $1
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key = 'remind:' || t.id)`,
        [before],
      );
      return rows.map((r) => r.id);
    },
    async markFailed(id, retryAt) {
      await transaction(async (c) => {
        const { rows } = await c.query<{ ticket_id: string; stream: string }>(
          `UPDATE outbox SET attempts = attempts + 1, due_at = $1, lease_until = 0, leased_by = NULL
           WHERE id = $2 RETURNING ticket_id, stream`,
          [retryAt, id],
        );
        // Later items of the stream this instance claimed wait behind the retry anyway: free them at once.
        if (rows[0]) {
          await c.query(
            `UPDATE outbox SET lease_until = 0, leased_by = NULL
             WHERE ticket_id = $1 AND stream = $2 AND id > $3 AND leased_by = $4 AND delivered_at IS NULL`,
            [rows[0].ticket_id, rows[0].stream, id, me],
          );
        }
      });
    },
    async setSlackRef(ticketId, ref) {
      await transaction((c) => updateTicketIn(c, ticketId, (t) => ({ ticket: { ...t, slack: ref }, events: [] })));
    },
    async pushInbox(conversationId, message, at) {
      await q().query('INSERT INTO worker_inbox (conversation_id, text, at) VALUES ($1, $2, $3)', [
        text(conversationId),
        cipher.encrypt(text(message)),
        at,
      ]);
    },
    async readInbox(conversationId) {
      const { rows } = await q().query<{ id: string; text: string; at: string }>(
        'SELECT id, text, at FROM worker_inbox WHERE conversation_id = $1 ORDER BY id',
        [text(conversationId)],
      );
      return rows.map((r) => ({ id: Number(r.id), text: cipher.decrypt(r.text), at: Number(r.at) }));
    },
    async ackInbox(conversationId, upToId) {
      return (
        (
          await q().query('DELETE FROM worker_inbox WHERE conversation_id = $1 AND id <= $2', [
            text(conversationId),
            upToId,
          ])
        ).rowCount ?? 0
      );
    },
    async recordInbound(record) {
      // The primary key decides: of two instances journaling the same message, one creates it.
      const inserted = await q().query(
        `INSERT INTO inbound_messages
           (channel, user_id, message_id, conversation_id, kind, text, urgency, status, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'received', $8) ON CONFLICT DO NOTHING`,
        [
          record.channel,
          text(record.userId),
          text(record.messageId),
          text(record.conversationId),
          record.kind,
          record.text ? cipher.encrypt(text(record.text)) : '',
          record.urgency,
          record.receivedAt,
        ],
      );
      if (inserted.rowCount === 1) return { created: true };
      const existing = await this.getInbound(record);
      if (!existing) throw new Error('recordInbound: the message was journaled and removed at once');
      return { created: false, record: existing };
    },
    async getInbound(key) {
      const { rows } = await q().query<InboundRow>(
        'SELECT * FROM inbound_messages WHERE channel = $1 AND user_id = $2 AND message_id = $3',
        [key.channel, text(key.userId), text(key.messageId)],
      );
      return rows[0] ? inboundFromRow(rows[0], cipher) : undefined;
    },
    async pendingInbound(limit) {
      const { rows } = await q().query<InboundRow>(
        "SELECT * FROM inbound_messages WHERE status = 'received' ORDER BY received_at LIMIT $1",
        [limit],
      );
      return rows.map((r) => inboundFromRow(r, cipher));
    },
    async finishMessage(outcome) {
      try {
        await transaction((c) => finishIn(c, outcome));
        return true;
      } catch (error) {
        if (error instanceof Declined) return false;
        throw error;
      }
    },
    async purge(cutoffs) {
      return transaction(async (c): Promise<PurgeCounts> => {
        const run = async (sql: string, args: unknown[]) => (await c.query(sql, args)).rowCount ?? 0;
        let outbox = await run(
          `DELETE FROM outbox
           WHERE ticket_id IN (SELECT id FROM tickets WHERE status = 'resolved' AND updated_at < $1)`,
          [cutoffs.closedTicketsBefore],
        );
        const closedTickets = await run("DELETE FROM tickets WHERE status = 'resolved' AND updated_at < $1", [
          cutoffs.closedTicketsBefore,
        ]);
        // Ordinary chats only: a conversation waiting for or owned by staff keeps its record.
        const conversations = await run("DELETE FROM conversations WHERE state = 'bot' AND updated_at < $1", [
          cutoffs.conversationsBefore,
        ]);
        const inbox = await run('DELETE FROM worker_inbox WHERE at < $1', [cutoffs.closedTicketsBefore]);
        const processed =
          (await run('DELETE FROM processed_messages WHERE at < $1', [cutoffs.processedBefore])) +
          (await run("DELETE FROM inbound_messages WHERE status <> 'received' AND finished_at < $1", [
            cutoffs.processedBefore,
          ]));
        outbox += await run(
          'DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < $1 AND dedupe_key IS NULL',
          [cutoffs.processedBefore],
        );
        await run('DELETE FROM rate_buckets WHERE at < $1', [cutoffs.processedBefore]);
        return { conversations, closedTickets, processed, outbox, inbox };
      });
    },
    async eraseConversation(channel, conversationId, keep) {
      const conv = text(conversationId);
      return transaction(async (c): Promise<EraseCounts> => {
        const run = async (sql: string, args: unknown[]) => (await c.query(sql, args)).rowCount ?? 0;
        const ids = (
          await c.query<{ id: string }>(
            'SELECT id FROM tickets WHERE channel = $1 AND conversation_id = $2 FOR UPDATE',
            [channel, conv],
          )
        ).rows.map((r) => r.id);
        let outbox = await run('DELETE FROM outbox WHERE ticket_id = ANY($1::text[])', [ids]);
        outbox += await run("DELETE FROM outbox WHERE kind = 'reply.send' AND ticket_id = $1", [
          `reply:${channel}:${conv}`,
        ]);
        const tickets = await run('DELETE FROM tickets WHERE channel = $1 AND conversation_id = $2', [channel, conv]);
        const conversations = await run('DELETE FROM conversations WHERE channel = $1 AND conversation_id = $2', [
          channel,
          conv,
        ]);
        const messages = await run(
          `DELETE FROM inbound_messages
           WHERE channel = $1 AND conversation_id = $2 AND NOT (user_id = $3 AND message_id = $4)`,
          [channel, conv, text(keep?.userId ?? ''), text(keep?.messageId ?? '')],
        );
        const inbox = channel === 'http' ? await run('DELETE FROM worker_inbox WHERE conversation_id = $1', [conv]) : 0;
        return { tickets, conversations, messages, inbox, outbox, ticketIds: ids };
      });
    },
    async prune(before) {
      return transaction(async (c) => {
        const a = (await c.query('DELETE FROM processed_messages WHERE at < $1', [before])).rowCount ?? 0;
        // Keyed events (reminders) stay: their key is what makes them one-time.
        const b =
          (
            await c.query(
              'DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < $1 AND dedupe_key IS NULL',
              [before],
            )
          ).rowCount ?? 0;
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
