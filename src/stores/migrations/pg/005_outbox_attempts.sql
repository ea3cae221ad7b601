-- Outbox: a send in flight (look up before re-posting after a crash), dead letters; ticket category
-- for cheap reminder checks. As the SQLite store's version 5.
ALTER TABLE outbox ADD COLUMN started_at BIGINT;
ALTER TABLE outbox ADD COLUMN dead_at BIGINT;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE tickets ADD COLUMN category TEXT;
UPDATE tickets SET category = body->>'category';
CREATE INDEX tickets_unclaimed ON tickets (status, category, created_at);
