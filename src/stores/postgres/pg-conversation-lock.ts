import { createHash } from 'node:crypto';
import type { ConversationLock } from '../../conversation/conversation-lock.js';
import { KeyedLock } from '../../conversation/keyed-lock.js';
import { inTransaction, type PgDatabase } from './pg-database.js';

/**
 * Per-conversation lock shared by every instance on one database: while the
 * task runs, a transaction on a connection of the lock pool holds
 * `pg_advisory_xact_lock` on a hash of the conversation key. Waiters queue in
 * the server in arrival order, so one worker's messages are answered in order
 * whichever instance they reach. The task's store writes go through the
 * query pool and commit on their own (the inbound journal must be durable
 * before the answer engine runs). A dead instance's locks go with its
 * connections. In-process waiters queue first, so an instance uses one lock
 * connection per busy conversation.
 */
export function createPgConversationLock(db: PgDatabase): ConversationLock {
  const local = new KeyedLock();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      // One round trip: the id is digits only (see lockId), safe to inline.
      return local.run(key, () =>
        inTransaction(db.lockPool, task, `BEGIN; SELECT pg_advisory_xact_lock(${lockId(key)})`),
      );
    },
  };
}

/** A stable signed 64-bit lock id for a key (keys may hold NUL, which PostgreSQL text cannot). */
export function lockId(key: string): string {
  return createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
}
