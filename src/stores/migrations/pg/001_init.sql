-- Tickets, conversation state, processed message ids, the outbox and the HTTP inbox.
-- Times are epoch milliseconds (bigint), as in the SQLite store.
CREATE TABLE conversations (
  channel TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  state TEXT NOT NULL,
  lang TEXT,
  history TEXT NOT NULL, -- JSON, encrypted when DATA_ENCRYPTION_KEY is set
  ticket_id TEXT,
  last_notice_at BIGINT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (channel, conversation_id)
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  body JSONB NOT NULL,
  status TEXT NOT NULL,
  owner TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX tickets_unresolved ON tickets (created_at) WHERE status <> 'resolved';

-- The primary key decides de-duplication: whichever instance inserts first answers.
CREATE TABLE processed_messages (
  channel TEXT NOT NULL,
  message_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (channel, message_id)
);
CREATE INDEX processed_messages_at ON processed_messages (at);

-- stream: ordered delivery per ticket and destination ('desk' or 'worker').
-- lease_until / leased_by: an instance's claim on an item; a dead instance's claims expire.
-- dedupe_key: one-time events such as reminders (unique, kept by prune).
CREATE TABLE outbox (
  id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  stream TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  due_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  delivered_at BIGINT,
  dedupe_key TEXT UNIQUE,
  lease_until BIGINT NOT NULL DEFAULT 0,
  leased_by TEXT
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
CREATE INDEX outbox_stream ON outbox (ticket_id, stream, id) WHERE delivered_at IS NULL;

CREATE TABLE worker_inbox (
  id BIGSERIAL PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  text TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX worker_inbox_conversation ON worker_inbox (conversation_id, id);

-- Per-user token buckets shared by every instance; decision is the last take's outcome.
CREATE TABLE rate_buckets (
  key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  at BIGINT NOT NULL,
  noticed BOOLEAN NOT NULL,
  decision TEXT NOT NULL
);
CREATE INDEX rate_buckets_at ON rate_buckets (at);
