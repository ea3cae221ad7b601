import type { RateLimit } from '../../conversation/rate-limit.js';
import type { RateDecision, RateLimitSettings } from '../../conversation/rate-limiter.js';
import type { PgDatabase } from './pg-database.js';

/**
 * The token bucket of conversation/rate-limiter.ts, kept in the database so
 * every instance draws from the same bucket. One statement per decision:
 * the upsert refills, takes a token or records the one notice, and returns
 * the outcome; the row lock orders concurrent takes. Runs outside any
 * conversation transaction (always on the pool) so the bucket row is never
 * held while an answer is being written.
 */
export function createPgRateLimiter(db: PgDatabase, settings: RateLimitSettings, now: () => number = Date.now): RateLimit {
  if (!(settings.perMinute > 0) || !(settings.burst >= 1)) throw new Error('rate limit: perMinute must be > 0 and burst >= 1');
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
  return {
    async take(key: string): Promise<RateDecision> {
      const { rows } = await db.pool.query<{ decision: RateDecision }>(sql, [key, now(), settings.burst, settings.perMinute]);
      const decision = rows[0]?.decision;
      if (decision !== 'allow' && decision !== 'notice' && decision !== 'drop') throw new Error(`rate limit: unexpected decision ${String(decision)}`);
      return decision;
    },
  };
}
