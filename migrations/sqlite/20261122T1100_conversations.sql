-- What was said in each customer's private chat: context for the assistant (the last few turns go
-- to the LLM) and for a person taking over. Customer-visible texts only; pruned after
-- `assistant.transcript_retention_days`.
CREATE TABLE transcripts (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  role        TEXT NOT NULL CHECK (role IN ('customer', 'bot', 'admin')),
  text        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX transcripts_customer ON transcripts (customer_id, id);
CREATE INDEX transcripts_created ON transcripts (created_at);

-- A customer handed to a person. The id is the number admins type (/balas 12 …); rows are kept as
-- history. At most one open hand-off per customer.
CREATE TABLE handoffs (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  reason      TEXT NOT NULL CHECK (reason IN ('asked', 'misunderstood')),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at   INTEGER NOT NULL,
  closed_at   INTEGER,
  closed_by   TEXT                                  -- 'customer' or 'telegram:<admin id>'
) STRICT;
CREATE UNIQUE INDEX handoffs_one_open ON handoffs (customer_id) WHERE status = 'open';

-- The messages the bot sent to admins about a hand-off (the alert, each relayed customer message),
-- written after Telegram accepted them, so an admin's reply to any of them finds its hand-off.
CREATE TABLE handoff_messages (
  chat_id    INTEGER NOT NULL,
  message_id INTEGER NOT NULL,
  handoff_id INTEGER NOT NULL REFERENCES handoffs(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (chat_id, message_id)
) STRICT;
CREATE INDEX handoff_messages_handoff ON handoff_messages (handoff_id);
