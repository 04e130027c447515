-- Payment gateways are plug-ins (`PaymentGateway` adapters keyed by id), so the database no longer
-- lists them: `payments.gateway` and `gateway_keys.gateway` take any gateway id (lower-case letters,
-- digits, '-' or '_'), next to 'wallet' and 'stars'. SQLite cannot change a CHECK in place, so both
-- tables are rebuilt (the migration runner turns foreign keys off around migrations and checks them
-- before each one commits; `orders.paid_payment_id` keeps pointing at `payments`).
CREATE TABLE payments_v2 (
  id                     INTEGER PRIMARY KEY,
  purpose                TEXT NOT NULL DEFAULT 'order' CHECK (purpose IN ('order', 'topup')),
  order_id               INTEGER REFERENCES orders(id),
  customer_id            INTEGER NOT NULL REFERENCES customers(id),
  -- 'wallet', 'stars', or the id of a payment gateway (e.g. 'midtrans').
  gateway                TEXT NOT NULL CHECK (length(gateway) BETWEEN 2 AND 32 AND gateway NOT GLOB '*[^a-z0-9_-]*'),
  reference              TEXT NOT NULL UNIQUE,      -- our id at the gateway (QRIS order_id, Stars invoice payload)
  gateway_transaction_id TEXT,                      -- the gateway's transaction id, or Telegram's payment charge id
  amount                 INTEGER NOT NULL CHECK (amount > 0),
  stars_amount           INTEGER,                   -- Stars payments: the price in Stars
  status                 TEXT NOT NULL CHECK (status IN ('creating', 'pending', 'paid', 'expired', 'canceled', 'failed')),
  gateway_status         TEXT,
  qr_string              TEXT,
  qr_url                 TEXT,
  expires_at             INTEGER NOT NULL,
  paid_at                INTEGER,
  flagged_reason         TEXT,
  last_checked_at        INTEGER,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  invoice_message_id     INTEGER,
  CHECK ((purpose = 'order') = (order_id IS NOT NULL))
) STRICT;

INSERT INTO payments_v2 (id, purpose, order_id, customer_id, gateway, reference, gateway_transaction_id, amount, stars_amount, status,
                         gateway_status, qr_string, qr_url, expires_at, paid_at, flagged_reason, last_checked_at, created_at, updated_at, invoice_message_id)
SELECT id, purpose, order_id, customer_id, gateway, reference, gateway_transaction_id, amount, stars_amount, status,
       gateway_status, qr_string, qr_url, expires_at, paid_at, flagged_reason, last_checked_at, created_at, updated_at, invoice_message_id
FROM payments;

DROP TABLE payments;
ALTER TABLE payments_v2 RENAME TO payments;
CREATE UNIQUE INDEX payments_one_open_per_order ON payments (order_id) WHERE status IN ('creating', 'pending') AND order_id IS NOT NULL;
CREATE INDEX payments_open ON payments (status, expires_at) WHERE status IN ('creating', 'pending');
CREATE INDEX payments_customer ON payments (customer_id, id);
CREATE UNIQUE INDEX payments_stars_charge ON payments (gateway_transaction_id) WHERE gateway = 'stars' AND gateway_transaction_id IS NOT NULL;
-- Closed QR invoices of any gateway (wallet and Stars payments are never closed unpaid).
CREATE INDEX payments_recently_closed ON payments (created_at) WHERE status IN ('expired', 'canceled');

CREATE TABLE gateway_keys_v2 (
  gateway     TEXT PRIMARY KEY CHECK (length(gateway) BETWEEN 2 AND 32 AND gateway NOT GLOB '*[^a-z0-9_-]*'),
  environment TEXT NOT NULL CHECK (environment IN ('sandbox', 'production')),
  server_key  TEXT NOT NULL,
  client_key  TEXT,
  updated_by  TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
INSERT INTO gateway_keys_v2 (gateway, environment, server_key, client_key, updated_by, updated_at)
SELECT gateway, environment, server_key, client_key, updated_by, updated_at FROM gateway_keys;
DROP TABLE gateway_keys;
ALTER TABLE gateway_keys_v2 RENAME TO gateway_keys;
