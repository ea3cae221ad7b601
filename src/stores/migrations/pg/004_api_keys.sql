-- HTTP API keys (only a SHA-256 of the secret), as DATA_DIR/api-keys.sqlite holds them for one process.
CREATE TABLE api_keys (
  key_id TEXT PRIMARY KEY,
  integration TEXT NOT NULL,
  secret_hash BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
