import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ConsoleStore } from './console-store.js';
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
 * Console schema versions in order. The ticket store owns `PRAGMA user_version`,
 * so the console counts its own migrations in `console_schema`.
 */
export const CONSOLE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE console_users (
     id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('staff', 'lead')), lang TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL);
   CREATE TABLE console_sessions (
     token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES console_users(id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
   CREATE TABLE console_audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user_name TEXT NOT NULL, action TEXT NOT NULL,
     ticket_id TEXT, detail TEXT);
   CREATE INDEX console_audit_ticket ON console_audit(ticket_id, id);
   CREATE TABLE console_notes (
     id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id TEXT NOT NULL, at INTEGER NOT NULL, author TEXT NOT NULL,
     text TEXT NOT NULL);
   CREATE INDEX console_notes_ticket ON console_notes(ticket_id, id);
   CREATE TABLE console_answers (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, channel TEXT NOT NULL, conversation_id TEXT NOT NULL,
     lang TEXT NOT NULL, mode TEXT NOT NULL, escalate TEXT NOT NULL, topic TEXT NOT NULL, citations TEXT NOT NULL,
     masked_question TEXT, feedback_asked INTEGER NOT NULL, feedback INTEGER, feedback_at INTEGER);
   CREATE INDEX console_answers_at ON console_answers(at);
   CREATE INDEX console_answers_conversation ON console_answers(channel, conversation_id, id);
   CREATE TABLE console_ticket_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, ticket_id TEXT NOT NULL, action TEXT NOT NULL,
     category TEXT NOT NULL, lang TEXT NOT NULL, channel TEXT NOT NULL, staff TEXT);
   CREATE INDEX console_ticket_events_at ON console_ticket_events(at);
   CREATE INDEX console_ticket_events_ticket ON console_ticket_events(ticket_id, id);`,
];

/**
 * The console store on its own connection to the ticket store's SQLite file
 * (WAL lets both connections work side by side); `:memory:` gives a private
 * database for tests.
 */
export function openSqliteConsoleStore(path: string): ConsoleStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE IF NOT EXISTS console_schema (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM console_schema').get() as { version: number } | undefined;
    if (!row) db.prepare('INSERT INTO console_schema (version) VALUES (0)').run();
    for (let v = row?.version ?? 0; v < CONSOLE_MIGRATIONS.length; v += 1) {
      db.exec(CONSOLE_MIGRATIONS[v]!);
      db.prepare('UPDATE console_schema SET version = ?').run(v + 1);
    }
  }).immediate();

  const selectUser = db.prepare('SELECT * FROM console_users WHERE name = ?');
  const selectSession = db.prepare(
    `SELECT s.csrf_token, s.expires_at, u.* FROM console_sessions s JOIN console_users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ?`,
  );
  const lastAnswer = db.prepare(
    `SELECT id, feedback_asked, feedback FROM console_answers
     WHERE channel = ? AND conversation_id = ? ORDER BY id DESC LIMIT 1`,
  );
  // Statements run per answered message or per staff action, prepared once.
  const insertAnswer = db.prepare(
    `INSERT INTO console_answers
       (at, channel, conversation_id, lang, mode, escalate, topic, citations, masked_question, feedback_asked)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setFeedback = db.prepare('UPDATE console_answers SET feedback = ?, feedback_at = ? WHERE id = ?');
  const insertTicketEvent = db.prepare(
    `INSERT INTO console_ticket_events (at, ticket_id, action, category, lang, channel, staff)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAudit = db.prepare(
    'INSERT INTO console_audit (at, user_name, action, ticket_id, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const feedbackTx = db.transaction((channel: string, conversationId: string, helpful: boolean, at: number) => {
    const row = lastAnswer.get(channel, conversationId) as
      { id: number; feedback_asked: number; feedback: number | null } | undefined;
    if (!row || row.feedback_asked === 0 || row.feedback !== null) return false;
    setFeedback.run(helpful ? 1 : 0, at, row.id);
    return true;
  });

  return {
    async createUser(name, passwordHash, role, lang, at) {
      const info = db
        .prepare('INSERT INTO console_users (name, password_hash, role, lang, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(name, passwordHash, role, lang, at);
      return { id: Number(info.lastInsertRowid), name, passwordHash, role, lang, disabled: false, createdAt: at };
    },
    async getUser(name) {
      const row = selectUser.get(name);
      return row ? accountFromRow(row) : undefined;
    },
    async listUsers() {
      return db.prepare('SELECT * FROM console_users ORDER BY name').all().map(accountFromRow);
    },
    async setPassword(name, passwordHash) {
      const changed =
        db.prepare('UPDATE console_users SET password_hash = ? WHERE name = ?').run(passwordHash, name).changes === 1;
      // A new password ends every open session of the account.
      if (changed)
        db.prepare('DELETE FROM console_sessions WHERE user_id = (SELECT id FROM console_users WHERE name = ?)').run(
          name,
        );
      return changed;
    },
    async setUserLang(name, lang) {
      db.prepare('UPDATE console_users SET lang = ? WHERE name = ?').run(lang, name);
    },
    async setDisabled(name, disabled) {
      const changed =
        db.prepare('UPDATE console_users SET disabled = ? WHERE name = ?').run(disabled ? 1 : 0, name).changes === 1;
      if (changed && disabled)
        db.prepare('DELETE FROM console_sessions WHERE user_id = (SELECT id FROM console_users WHERE name = ?)').run(
          name,
        );
      return changed;
    },
    async createSession(tokenHash, userId, csrfToken, at, expiresAt) {
      db.prepare('DELETE FROM console_sessions WHERE expires_at <= ?').run(at);
      db.prepare(
        'INSERT INTO console_sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ).run(tokenHash, userId, csrfToken, at, expiresAt);
    },
    async getSession(tokenHash, now) {
      const row = selectSession.get(tokenHash, now) as
        ({ csrf_token: string; expires_at: number } & Record<string, unknown>) | undefined;
      if (!row) return undefined;
      const user = accountFromRow(row);
      if (user.disabled) return undefined;
      return { user, csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },
    async deleteSession(tokenHash) {
      db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(tokenHash);
    },
    async audit(e) {
      insertAudit.run(e.at, e.user, e.action, e.ticketId ?? null, e.detail ?? null);
    },
    async listAudit(limit, ticketId) {
      const rows = (
        ticketId
          ? db.prepare('SELECT * FROM console_audit WHERE ticket_id = ? ORDER BY id DESC LIMIT ?').all(ticketId, limit)
          : db.prepare('SELECT * FROM console_audit ORDER BY id DESC LIMIT ?').all(limit)
      ) as AuditRow[];
      return rows.map(auditFromRow);
    },
    async addNote(ticketId, author, text, at) {
      db.prepare('INSERT INTO console_notes (ticket_id, at, author, text) VALUES (?, ?, ?, ?)').run(
        ticketId,
        at,
        author,
        text,
      );
    },
    async listNotes(ticketId) {
      const rows = db.prepare('SELECT * FROM console_notes WHERE ticket_id = ? ORDER BY id').all(ticketId) as NoteRow[];
      return rows.map(noteFromRow);
    },
    async recordAnswer(r) {
      insertAnswer.run(
        r.at,
        r.channel,
        r.conversationId,
        r.lang,
        r.mode,
        r.escalate,
        r.topic,
        JSON.stringify(r.citations),
        r.maskedQuestion ?? null,
        r.feedbackAsked ? 1 : 0,
      );
    },
    async recordFeedback(channel, conversationId, helpful, at) {
      return feedbackTx.immediate(channel, conversationId, helpful, at);
    },
    async recordTicketEvent(e) {
      insertTicketEvent.run(e.at, e.ticketId, e.action, e.category, e.lang, e.channel, e.staff ?? null);
    },
    async eventsInRange(from, to) {
      const answers = (
        db.prepare('SELECT * FROM console_answers WHERE at >= ? AND at < ? ORDER BY id').all(from, to) as AnswerRow[]
      ).map((r) => answerFromRow(r, JSON.parse(r.citations as string)));
      // Claims and resolutions after the range still count for tickets opened in it.
      const ticketEvents = (
        db
          .prepare(
            `SELECT * FROM console_ticket_events WHERE (at >= @from AND at < @to)
               OR ticket_id IN (SELECT ticket_id FROM console_ticket_events
                 WHERE action = 'opened' AND at >= @from AND at < @to)
             ORDER BY id`,
          )
          .all({ from, to }) as TicketEventRow[]
      ).map(ticketEventFromRow);
      return { answers, ticketEvents };
    },
    async close() {
      db.close();
    },
  };
}
