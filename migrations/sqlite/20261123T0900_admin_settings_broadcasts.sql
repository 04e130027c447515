-- Payment gateway keys set from the admin app. While a row exists it replaces MIDTRANS_* from the
-- environment (which stays the bootstrap and fallback). Keys are sealed with the master key
-- (SecretBox, bound to the gateway and field), never stored in clear.
CREATE TABLE gateway_keys (
  gateway TEXT PRIMARY KEY CHECK (gateway IN ('midtrans')),
  environment TEXT NOT NULL CHECK (environment IN ('sandbox', 'production')),
  server_key TEXT NOT NULL,
  client_key TEXT,
  updated_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Bot texts the shop rewrote (welcome, help), per language; without a row the locale file's
-- text is used. Stored as Telegram HTML, checked before it is saved.
CREATE TABLE bot_texts (
  key TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('id', 'en')),
  text TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (key, language)
);

-- A message to many customers. Each recipient is a row (its outcome) and a job in the outbox
-- (the send), so a crash resumes where it stopped and progress is a count of rows.
CREATE TABLE broadcasts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  html TEXT NOT NULL,
  audience TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending', 'done', 'canceled')),
  total INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  canceled_by TEXT
);

CREATE TABLE broadcast_recipients (
  broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
  customer_id INTEGER NOT NULL,
  chat_id INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'blocked', 'canceled')),
  error TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (broadcast_id, customer_id)
);

CREATE INDEX broadcast_recipients_by_status ON broadcast_recipients (broadcast_id, status);
