/**
 * Tickets a worker, and a caller (an HTTP integration, or a whole channel),
 * may open per hour, so a flood of made-up hand-off requests cannot fill the
 * staff desk. The core counts them in rate-limit buckets from its limiter
 * factory: in memory on SQLite, shared through the database on PostgreSQL.
 */
export interface TicketLimitSettings {
  readonly perUserPerHour: number;
  readonly perCallerPerHour: number;
}
