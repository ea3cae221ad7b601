import type { ConsoleStore } from './console-store.js';
import { pgText as text, type PgDatabase } from './postgres/pg-database.js';
import {
  accountFromRow,
  answerFromRow,
  auditFromRow,
  noteFromRow,
  ticketEventFromRow,
  type AnswerRow,
  type AuditRow,
  type NoteRow,
  type TicketEventRow,
} from './store-rows.js';

/**
 * The staff console's tables in PostgreSQL (migration 003), for a console and
 * bots running as several instances: sessions work on any instance, and one
 * feedback answer is recorded once (a conditional update decides).
 */
export function createPostgresConsoleStore(db: PgDatabase): ConsoleStore {
  const q = db.pool;
  return {
    async createUser(name, passwordHash, role, lang, at) {
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO console_users (name, password_hash, role, lang, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [text(name), passwordHash, role, lang, at],
      );
      return { id: Number(rows[0]!.id), name, passwordHash, role, lang, disabled: false, createdAt: at };
    },
    async getUser(name) {
      const { rows } = await q.query('SELECT * FROM console_users WHERE name = $1', [text(name)]);
      return rows[0] ? accountFromRow(rows[0]) : undefined;
    },
    async listUsers() {
      return (await q.query('SELECT * FROM console_users ORDER BY name')).rows.map(accountFromRow);
    },
    async setPassword(name, passwordHash) {
      // A new password ends every open session of the account (the sessions go in the same statement).
      const { rowCount } = await q.query(
        `WITH u AS (UPDATE console_users SET password_hash = $2 WHERE name = $1 RETURNING id),
              gone AS (DELETE FROM console_sessions WHERE user_id IN (SELECT id FROM u))
         SELECT 1 FROM u`,
        [text(name), passwordHash],
      );
      return rowCount === 1;
    },
    async setUserLang(name, lang) {
      await q.query('UPDATE console_users SET lang = $2 WHERE name = $1', [text(name), lang]);
    },
    async setDisabled(name, disabled) {
      const { rowCount } = await q.query(
        `WITH u AS (UPDATE console_users SET disabled = $2 WHERE name = $1 RETURNING id),
              gone AS (DELETE FROM console_sessions WHERE $2 AND user_id IN (SELECT id FROM u))
         SELECT 1 FROM u`,
        [text(name), disabled],
      );
      return rowCount === 1;
    },
    async createSession(tokenHash, userId, csrfToken, at, expiresAt) {
      await q.query('DELETE FROM console_sessions WHERE expires_at <= $1', [at]);
      await q.query(
        `INSERT INTO console_sessions (token_hash, user_id, csrf_token, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [tokenHash, userId, csrfToken, at, expiresAt],
      );
    },
    async getSession(tokenHash, now) {
      const { rows } = await q.query<{ csrf_token: string; expires_at: string } & Record<string, unknown>>(
        `SELECT s.csrf_token, s.expires_at, u.* FROM console_sessions s JOIN console_users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [tokenHash, now],
      );
      const row = rows[0];
      if (!row) return undefined;
      const user = accountFromRow(row);
      if (user.disabled) return undefined;
      return { user, csrfToken: row.csrf_token, expiresAt: Number(row.expires_at) };
    },
    async deleteSession(tokenHash) {
      await q.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
    },
    async audit(e) {
      await q.query(
        'INSERT INTO console_audit (at, user_name, action, ticket_id, detail) VALUES ($1, $2, $3, $4, $5)',
        [
          e.at,
          text(e.user),
          e.action,
          e.ticketId === undefined ? null : text(e.ticketId),
          e.detail === undefined ? null : text(e.detail),
        ],
      );
    },
    async listAudit(limit, ticketId) {
      const { rows } = ticketId
        ? await q.query('SELECT * FROM console_audit WHERE ticket_id = $1 ORDER BY id DESC LIMIT $2', [
            text(ticketId),
            limit,
          ])
        : await q.query('SELECT * FROM console_audit ORDER BY id DESC LIMIT $1', [limit]);
      return (rows as AuditRow[]).map(auditFromRow);
    },
    async addNote(ticketId, author, note, at) {
      await q.query('INSERT INTO console_notes (ticket_id, at, author, text) VALUES ($1, $2, $3, $4)', [
        text(ticketId),
        at,
        text(author),
        text(note),
      ]);
    },
    async listNotes(ticketId) {
      const { rows } = await q.query<NoteRow>('SELECT * FROM console_notes WHERE ticket_id = $1 ORDER BY id', [
        text(ticketId),
      ]);
      return rows.map(noteFromRow);
    },
    async recordAnswer(r) {
      await q.query(
        `INSERT INTO console_answers
           (at, channel, conversation_id, lang, mode, escalate, topic, citations, masked_question, feedback_asked)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          r.at,
          r.channel,
          text(r.conversationId),
          r.lang,
          r.mode,
          r.escalate,
          r.topic,
          JSON.stringify(r.citations),
          r.maskedQuestion === undefined ? null : text(r.maskedQuestion),
          r.feedbackAsked,
        ],
      );
    },
    async recordFeedback(channel, conversationId, helpful, at) {
      // Only the conversation's last answer, only if it asked and has no feedback yet: one statement decides.
      const { rowCount } = await q.query(
        `UPDATE console_answers SET feedback = $3, feedback_at = $4
         WHERE id = (SELECT id FROM console_answers
                     WHERE channel = $1 AND conversation_id = $2 ORDER BY id DESC LIMIT 1)
           AND feedback_asked AND feedback IS NULL`,
        [channel, text(conversationId), helpful, at],
      );
      return rowCount === 1;
    },
    async recordTicketEvent(e) {
      await q.query(
        `INSERT INTO console_ticket_events (at, ticket_id, action, category, lang, channel, staff)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [e.at, text(e.ticketId), e.action, e.category, e.lang, e.channel, e.staff === undefined ? null : text(e.staff)],
      );
    },
    async eventsInRange(from, to) {
      const answers = (
        await q.query<AnswerRow>('SELECT * FROM console_answers WHERE at >= $1 AND at < $2 ORDER BY id', [from, to])
      ).rows.map((r) => answerFromRow(r, r.citations));
      // Claims and resolutions after the range still count for tickets opened in it.
      const ticketEvents = (
        await q.query<TicketEventRow>(
          `SELECT * FROM console_ticket_events WHERE (at >= $1 AND at < $2)
             OR ticket_id IN (SELECT ticket_id FROM console_ticket_events
               WHERE action = 'opened' AND at >= $1 AND at < $2)
           ORDER BY id`,
          [from, to],
        )
      ).rows.map(ticketEventFromRow);
      return { answers, ticketEvents };
    },
    async close() {
      // The database belongs to the instance: closing it twice is harmless, and the ticket store closes it too.
      await db.close();
    },
  };
}
