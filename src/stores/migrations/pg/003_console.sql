-- The staff console's tables (accounts, sessions, audit log, notes, the dashboard's event log),
-- as the SQLite console store's version 1.
CREATE TABLE console_users (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'lead')),
  lang TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT false,
  created_at BIGINT NOT NULL
);
CREATE TABLE console_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES console_users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX console_sessions_expires ON console_sessions (expires_at);
CREATE TABLE console_audit (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  ticket_id TEXT,
  detail TEXT
);
CREATE INDEX console_audit_ticket ON console_audit (ticket_id, id);
CREATE TABLE console_notes (
  id BIGSERIAL PRIMARY KEY,
  ticket_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX console_notes_ticket ON console_notes (ticket_id, id);
CREATE TABLE console_answers (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  channel TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  mode TEXT NOT NULL,
  escalate TEXT NOT NULL,
  topic TEXT NOT NULL,
  citations JSONB NOT NULL,
  masked_question TEXT,
  feedback_asked BOOLEAN NOT NULL,
  feedback BOOLEAN,
  feedback_at BIGINT
);
CREATE INDEX console_answers_at ON console_answers (at);
CREATE INDEX console_answers_conversation ON console_answers (channel, conversation_id, id);
CREATE TABLE console_ticket_events (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  ticket_id TEXT NOT NULL,
  action TEXT NOT NULL,
  category TEXT NOT NULL,
  lang TEXT NOT NULL,
  channel TEXT NOT NULL,
  staff TEXT
);
CREATE INDEX console_ticket_events_at ON console_ticket_events (at);
CREATE INDEX console_ticket_events_ticket ON console_ticket_events (ticket_id, id);
