/**
 * Runs tasks one at a time per key (a conversation), in arrival order. The
 * in-process {@link KeyedLock} serves one instance; several instances sharing
 * a database use a lock the database holds (stores/postgres/pg-conversation-lock.ts).
 */
export interface ConversationLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}
