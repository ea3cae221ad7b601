import type { RateLimit } from '../../conversation/rate-limit.js';
import type { RateDecision, RateLimitSettings } from '../../conversation/rate-limiter.js';
import type { PgDatabase } from './pg-database.js';

/**
 * The token bucket of conversation/rate-limiter.ts, kept in the database so
 * every instance draws from the same bucket. One statement per decision:
 * the upsert refills, takes a token or records the one notice, and returns
 * the outcome; the row lock orders concurrent takes.
 */
export function createPgRateLimiter(
  db: PgDatabase,
  settings: RateLimitSettings,
  now: () => number = Date.now,
  namespace = 'messages',
): RateLimit {
  // Limits of different kinds share the table: the namespace keeps their buckets apart.
  const bucket = (key: string) => `${namespace}\u001f${key}`.replace(/\u0000/g, '\uFFFD');
  if (!(settings.perMinute > 0) || !(settings.burst >= 1))
    throw new Error('rate limit: perMinute must be > 0 and burst >= 1');
  // $2 now, $3 burst, $4 per minute. "refill" is the bucket after refilling, before this take.
  const refill = 'LEAST($3::float8, b.tokens + GREATEST(0, $2::bigint - b.at) / 60000.0 * $4::float8)';
  const sql = `
    INSERT INTO rate_buckets AS b (key, tokens, at, noticed, decision) VALUES ($1, $3::float8 - 1, $2, false, 'allow')
    ON CONFLICT (key) DO UPDATE SET
      tokens = CASE WHEN ${refill} >= 1 - 1e-9 THEN GREATEST(0, ${refill} - 1) ELSE ${refill} END,
      noticed = ${refill} < 1 - 1e-9,
      decision = CASE WHEN ${refill} >= 1 - 1e-9 THEN 'allow' WHEN b.noticed THEN 'drop' ELSE 'notice' END,
      at = GREATEST(b.at, $2::bigint)
    RETURNING decision`;
  const refillNow = 'LEAST($2::float8, tokens + GREATEST(0, $3::bigint - at) / 60000.0 * $4::float8)';
  return {
    async retryAfterMs(key: string): Promise<number> {
      const { rows } = await db.pool.query<{ tokens: number }>(
        `SELECT ${refillNow} AS tokens FROM rate_buckets WHERE key = $1`,
        [bucket(key), settings.burst, now(), settings.perMinute],
      );
      const tokens = rows[0]?.tokens;
      if (tokens === undefined || tokens >= 1 - 1e-9) return 0;
      return Math.ceil(((1 - tokens) / settings.perMinute) * 60_000);
    },
    async take(key: string): Promise<RateDecision> {
      const { rows } = await db.pool.query<{ decision: RateDecision }>(sql, [
        bucket(key),
        now(),
        settings.burst,
        settings.perMinute,
      ]);
      const decision = rows[0]?.decision;
      if (decision !== 'allow' && decision !== 'notice' && decision !== 'drop')
        throw new Error(`rate limit: unexpected decision ${String(decision)}`);
      return decision;
    },
  };
}
