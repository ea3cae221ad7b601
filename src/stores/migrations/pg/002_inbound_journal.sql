-- Inbound journal (idempotent replies, crash recovery), as the SQLite store's version 4.
-- text, replies: encrypted when DATA_ENCRYPTION_KEY is set.
CREATE TABLE inbound_messages (
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  urgency TEXT NOT NULL,
  status TEXT NOT NULL,
  replies TEXT,
  ticket_id TEXT,
  received_at BIGINT NOT NULL,
  finished_at BIGINT,
  PRIMARY KEY (channel, user_id, message_id)
);
CREATE INDEX inbound_pending ON inbound_messages (received_at) WHERE status = 'received';
CREATE INDEX inbound_finished ON inbound_messages (finished_at);
CREATE INDEX inbound_conversation ON inbound_messages (channel, conversation_id);
CREATE INDEX tickets_conversation ON tickets (channel, conversation_id);
CREATE INDEX outbox_ticket ON outbox (ticket_id);
