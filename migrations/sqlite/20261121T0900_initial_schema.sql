-- The walking skeleton's schema. Times are epoch milliseconds (INTEGER); money is integer rupiah.
-- Frozen once landed: fix forward with a new file.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,              -- JSON
  updated_at INTEGER NOT NULL
) STRICT;

-- grammY sessions (and conversations later) live here.
CREATE TABLE kv (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE customers (
  id              INTEGER PRIMARY KEY,
  telegram_id     INTEGER NOT NULL UNIQUE,
  chat_id         INTEGER NOT NULL,
  username        TEXT,
  first_name      TEXT NOT NULL DEFAULT '',
  language        TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  language_locked INTEGER NOT NULL DEFAULT 0,   -- 1 once the customer picked a language with /language
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE providers (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind                 TEXT NOT NULL,               -- smm-v2 | indo-panel | vip-reseller | digiflazz
  api_url              TEXT NOT NULL,
  credentials          TEXT NOT NULL,               -- AES-256-GCM envelope, associated data = 'provider:<id>'
  currency             TEXT NOT NULL DEFAULT 'IDR',
  rate_to_idr          TEXT NOT NULL DEFAULT '1',   -- exact decimal string
  active               INTEGER NOT NULL DEFAULT 1,
  is_sandbox           INTEGER NOT NULL DEFAULT 0,  -- the local simulator: never sold by a live bot
  last_test_at         INTEGER,
  last_test_ok         INTEGER,
  last_test_message    TEXT,
  last_test_latency_ms INTEGER,
  last_balance         TEXT,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
) STRICT;

CREATE TABLE services (
  id                  INTEGER PRIMARY KEY,
  mid                 INTEGER NOT NULL UNIQUE,      -- the shop number customers type; stable, never reused
  provider_id         INTEGER NOT NULL REFERENCES providers(id),
  provider_service_id TEXT NOT NULL,
  name                TEXT NOT NULL,
  category            TEXT NOT NULL DEFAULT '',
  platform            TEXT NOT NULL DEFAULT 'other',
  kind                TEXT NOT NULL DEFAULT 'other',
  type                TEXT NOT NULL DEFAULT 'Default',
  description         TEXT NOT NULL DEFAULT '',
  min_quantity        INTEGER NOT NULL CHECK (min_quantity > 0),
  max_quantity        INTEGER NOT NULL CHECK (max_quantity >= min_quantity),
  cost_rate           TEXT NOT NULL,                -- supplier rate per 1000 as sent, supplier currency
  cost_per_1000       INTEGER NOT NULL,             -- rupiah, rounded up
  price_per_1000      INTEGER NOT NULL CHECK (price_per_1000 > 0),
  refill              INTEGER NOT NULL DEFAULT 0,
  cancel              INTEGER NOT NULL DEFAULT 0,
  dripfeed            INTEGER NOT NULL DEFAULT 0,
  mode                TEXT NOT NULL DEFAULT 'auto' CHECK (mode IN ('auto', 'manual')),
  active              INTEGER NOT NULL DEFAULT 1,
  removed_at          INTEGER,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  UNIQUE (provider_id, provider_service_id)
) STRICT;
CREATE INDEX services_platform_kind ON services (platform, kind) WHERE active = 1;

CREATE TABLE quotes (
  id             TEXT PRIMARY KEY,                  -- random; the Pay button carries only this
  customer_id    INTEGER NOT NULL REFERENCES customers(id),
  service_id     INTEGER NOT NULL REFERENCES services(id),
  target         TEXT NOT NULL,
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  price_per_1000 INTEGER NOT NULL,
  amount         INTEGER NOT NULL CHECK (amount > 0),
  cost_amount    INTEGER NOT NULL,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ordered', 'expired', 'canceled')),
  expires_at     INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX quotes_customer ON quotes (customer_id, created_at);

CREATE TABLE orders (
  id                   INTEGER PRIMARY KEY,         -- the order number customers see
  quote_id             TEXT NOT NULL UNIQUE REFERENCES quotes(id),
  customer_id          INTEGER NOT NULL REFERENCES customers(id),
  service_id           INTEGER NOT NULL REFERENCES services(id),
  provider_id          INTEGER REFERENCES providers(id),
  target               TEXT NOT NULL,
  quantity             INTEGER NOT NULL CHECK (quantity > 0),
  amount               INTEGER NOT NULL CHECK (amount > 0),
  cost_amount          INTEGER NOT NULL,
  status               TEXT NOT NULL CHECK (status IN (
                         'awaiting_payment', 'paid', 'placing', 'processing', 'completed', 'partial',
                         'canceled', 'unknown', 'refunded', 'expired', 'manual')),
  -- 'in_flight' while a supplier call may be on the wire: a crash then means "outcome unknown".
  placement_state      TEXT NOT NULL DEFAULT 'idle' CHECK (placement_state IN ('idle', 'in_flight')),
  provider_order_id    TEXT,
  provider_status      TEXT,
  start_count          INTEGER,
  remains              INTEGER,
  last_status_check_at INTEGER,
  is_manual            INTEGER NOT NULL DEFAULT 0,
  admin_notes          TEXT,
  attempts             INTEGER NOT NULL DEFAULT 0,
  last_error           TEXT,
  paid_at              INTEGER,
  placed_at            INTEGER,
  finished_at          INTEGER,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
) STRICT;
CREATE INDEX orders_customer ON orders (customer_id, id);
CREATE INDEX orders_status ON orders (status);

CREATE TABLE payments (
  id                     INTEGER PRIMARY KEY,
  order_id               INTEGER NOT NULL REFERENCES orders(id),
  gateway                TEXT NOT NULL,             -- midtrans (wallet and stars later)
  reference              TEXT NOT NULL UNIQUE,      -- our order_id at the gateway
  gateway_transaction_id TEXT,
  amount                 INTEGER NOT NULL CHECK (amount > 0),
  status                 TEXT NOT NULL CHECK (status IN ('creating', 'pending', 'paid', 'expired', 'canceled', 'failed')),
  gateway_status         TEXT,
  qr_string              TEXT,                      -- QRIS payload, rendered to PNG by us
  qr_url                 TEXT,                      -- the gateway's QR image, when it sends no payload
  expires_at             INTEGER NOT NULL,
  paid_at                INTEGER,
  flagged_reason         TEXT,                      -- set when something needs an admin (amount mismatch)
  last_checked_at        INTEGER,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL
) STRICT;
-- At most one open invoice per order: a double tap on Pay cannot create two charges. ('paid' is
-- left out on purpose: a QR paid after it expired can still settle; it is credited, not fulfilled twice.)
CREATE UNIQUE INDEX payments_one_open_per_order ON payments (order_id) WHERE status IN ('creating', 'pending');
CREATE INDEX payments_open ON payments (status, expires_at) WHERE status IN ('creating', 'pending');

-- The wallet: balance = sum of entries; the reference makes every credit or debit idempotent.
CREATE TABLE ledger_entries (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  amount      INTEGER NOT NULL CHECK (amount <> 0),
  reason      TEXT NOT NULL,
  reference   TEXT NOT NULL UNIQUE,
  order_id    INTEGER REFERENCES orders(id),
  note        TEXT,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_customer ON ledger_entries (customer_id, id);

-- The outbox: state changes and the work they imply commit together.
CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  payload      TEXT NOT NULL,                       -- JSON
  dedupe_key   TEXT UNIQUE,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  run_at       INTEGER NOT NULL,
  attempts     INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5,
  lease_until  INTEGER,
  last_error   TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX jobs_due ON jobs (status, run_at);

CREATE TABLE webhook_events (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,                        -- midtrans | telegram
  dedupe_key  TEXT NOT NULL,
  payload     TEXT NOT NULL,
  outcome     TEXT,
  received_at INTEGER NOT NULL,
  UNIQUE (source, dedupe_key)
) STRICT;
