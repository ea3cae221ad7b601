import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ChannelName } from '../../conversation/types.js';

/** A platform's reply allowance after a worker's action: so many messages within so long. */
export interface ReplyQuota {
  readonly windowMs: number;
  readonly messages: number;
}

export type WindowCheck = 'open' | 'closed' | 'exhausted' | 'unknown';

/**
 * Small persistent state the platform adapters need and the ticket store does
 * not hold: sync cursors and rotating tokens (key/value), each worker's reply
 * window (last action, messages sent since), unsubscribed workers and seen
 * platform event ids. One SQLite file beside the ticket database, so a
 * restart keeps cursors and windows.
 */
export interface ChannelStateStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** A worker acted (message, follow, menu click): the platform's allowance starts again. */
  openWindow(channel: ChannelName, userId: string, at: number, quota: ReplyQuota): void;
  /** Whether one more message may be sent now; `unknown` when the worker never wrote since the state was created. */
  checkWindow(channel: ChannelName, userId: string, now: number): WindowCheck;
  /** Counts one sent message against the window. */
  countSent(channel: ChannelName, userId: string): void;
  /** The end of the worker's current window, epoch ms. */
  windowEnd(channel: ChannelName, userId: string): number | undefined;
  setUnsubscribed(channel: ChannelName, userId: string, unsubscribed: boolean, at: number): void;
  isUnsubscribed(channel: ChannelName, userId: string): boolean;
  /** Keeps a message the platform's window did not let through, for the worker's next message. */
  hold(channel: ChannelName, userId: string, text: string, at: number): void;
  /** Returns and forgets the held messages of a worker, oldest first. */
  takeHeld(channel: ChannelName, userId: string): string[];
  /** Records a platform event id; false when it was seen before. */
  markSeen(channel: ChannelName, eventId: string, at: number): boolean;
  /** Forgets seen ids and held messages older than `before`. */
  prune(before: number): void;
  close(): void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS reply_windows (
    channel TEXT NOT NULL, user_id TEXT NOT NULL, opened_at INTEGER NOT NULL, ends_at INTEGER NOT NULL,
    allowed INTEGER NOT NULL, sent INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (channel, user_id));
  CREATE TABLE IF NOT EXISTS unsubscribed (
    channel TEXT NOT NULL, user_id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (channel, user_id));
  CREATE TABLE IF NOT EXISTS held_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, user_id TEXT NOT NULL, text TEXT NOT NULL,
    at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS held_messages_user ON held_messages(channel, user_id, id);
  CREATE TABLE IF NOT EXISTS seen_events (
    channel TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (channel, event_id));
`;

interface WindowRow {
  ends_at: number;
  allowed: number;
  sent: number;
}

/** Opens (and creates) the state file; `:memory:` for tests. */
export function openChannelStateStore(path: string): ChannelStateStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);
  const getKv = db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
  const setKv = db.prepare(
    'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const getWindow = db.prepare<[string, string], WindowRow>(
    'SELECT ends_at, allowed, sent FROM reply_windows WHERE channel = ? AND user_id = ?',
  );
  const upsertWindow = db.prepare(
    `INSERT INTO reply_windows (channel, user_id, opened_at, ends_at, allowed, sent) VALUES (?, ?, ?, ?, ?, 0)
     ON CONFLICT(channel, user_id) DO UPDATE SET opened_at = excluded.opened_at, ends_at = excluded.ends_at,
       allowed = excluded.allowed, sent = 0`,
  );
  const countSent = db.prepare('UPDATE reply_windows SET sent = sent + 1 WHERE channel = ? AND user_id = ?');
  const addUnsub = db.prepare('INSERT OR REPLACE INTO unsubscribed (channel, user_id, at) VALUES (?, ?, ?)');
  const delUnsub = db.prepare('DELETE FROM unsubscribed WHERE channel = ? AND user_id = ?');
  const getUnsub = db.prepare<[string, string], { at: number }>(
    'SELECT at FROM unsubscribed WHERE channel = ? AND user_id = ?',
  );
  const addSeen = db.prepare('INSERT OR IGNORE INTO seen_events (channel, event_id, at) VALUES (?, ?, ?)');
  const pruneSeen = db.prepare('DELETE FROM seen_events WHERE at < ?');
  const addHeld = db.prepare('INSERT INTO held_messages (channel, user_id, text, at) VALUES (?, ?, ?, ?)');
  const getHeld = db.prepare<[string, string], { text: string }>(
    'SELECT text FROM held_messages WHERE channel = ? AND user_id = ? ORDER BY id',
  );
  const delHeld = db.prepare('DELETE FROM held_messages WHERE channel = ? AND user_id = ?');
  const pruneHeld = db.prepare('DELETE FROM held_messages WHERE at < ?');
  const takeHeld = db.transaction((channel: string, userId: string) => {
    const rows = getHeld.all(channel, userId).map((r) => r.text);
    delHeld.run(channel, userId);
    return rows;
  });

  return {
    get: (key) => getKv.get(key)?.value,
    set: (key, value) => void setKv.run(key, value),
    openWindow(channel, userId, at, quota) {
      const current = getWindow.get(channel, userId);
      // A short allowance (a menu click: 1 minute) never shortens a longer one still open (a message: 48 h).
      if (current && current.ends_at > at + quota.windowMs && current.sent < current.allowed) return;
      upsertWindow.run(channel, userId, at, at + quota.windowMs, quota.messages);
    },
    checkWindow(channel, userId, now) {
      const row = getWindow.get(channel, userId);
      if (!row) return 'unknown';
      if (now >= row.ends_at) return 'closed';
      return row.sent >= row.allowed ? 'exhausted' : 'open';
    },
    countSent: (channel, userId) => void countSent.run(channel, userId),
    windowEnd: (channel, userId) => getWindow.get(channel, userId)?.ends_at,
    setUnsubscribed(channel, userId, unsubscribed, at) {
      if (unsubscribed) addUnsub.run(channel, userId, at);
      else delUnsub.run(channel, userId);
    },
    isUnsubscribed: (channel, userId) => getUnsub.get(channel, userId) !== undefined,
    hold: (channel, userId, text, at) => void addHeld.run(channel, userId, text, at),
    takeHeld: (channel, userId) => takeHeld(channel, userId),
    markSeen: (channel, eventId, at) => addSeen.run(channel, eventId, at).changes === 1,
    prune(before) {
      pruneSeen.run(before);
      pruneHeld.run(before);
    },
    close: () => db.close(),
  };
}
