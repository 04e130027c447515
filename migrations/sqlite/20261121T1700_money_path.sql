-- Payment rails (QRIS, wallet, Telegram Stars), wallet top-ups, refills, stuck orders, audit log.

-- A payment now belongs to an order or to a wallet top-up, and knows its customer. SQLite cannot
-- relax NOT NULL in place; nothing references `payments`, so the table is rebuilt.
CREATE TABLE payments_v2 (
  id                     INTEGER PRIMARY KEY,
  purpose                TEXT NOT NULL DEFAULT 'order' CHECK (purpose IN ('order', 'topup')),
  order_id               INTEGER REFERENCES orders(id),
  customer_id            INTEGER NOT NULL REFERENCES customers(id),
  gateway                TEXT NOT NULL CHECK (gateway IN ('midtrans', 'wallet', 'stars')),
  reference              TEXT NOT NULL UNIQUE,      -- our id at the gateway (QRIS order_id, Stars invoice payload)
  gateway_transaction_id TEXT,                      -- Midtrans transaction_id, or Telegram's payment charge id
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
  CHECK ((purpose = 'order') = (order_id IS NOT NULL))
) STRICT;

INSERT INTO payments_v2 (id, purpose, order_id, customer_id, gateway, reference, gateway_transaction_id, amount, status, gateway_status,
                         qr_string, qr_url, expires_at, paid_at, flagged_reason, last_checked_at, created_at, updated_at)
SELECT p.id, 'order', p.order_id, o.customer_id, p.gateway, p.reference, p.gateway_transaction_id, p.amount, p.status, p.gateway_status,
       p.qr_string, p.qr_url, p.expires_at, p.paid_at, p.flagged_reason, p.last_checked_at, p.created_at, p.updated_at
FROM payments p JOIN orders o ON o.id = p.order_id;

DROP TABLE payments;
ALTER TABLE payments_v2 RENAME TO payments;
CREATE UNIQUE INDEX payments_one_open_per_order ON payments (order_id) WHERE status IN ('creating', 'pending') AND order_id IS NOT NULL;
CREATE INDEX payments_open ON payments (status, expires_at) WHERE status IN ('creating', 'pending');
CREATE INDEX payments_customer ON payments (customer_id, id);
-- Telegram repeats successful_payment updates: one charge id, one payment.
CREATE UNIQUE INDEX payments_stars_charge ON payments (gateway_transaction_id) WHERE gateway = 'stars' AND gateway_transaction_id IS NOT NULL;

-- Which rail paid an order and with which payment: a full refund goes back the same way (Stars
-- as Stars), everything else to the wallet.
ALTER TABLE orders ADD COLUMN paid_with TEXT;
ALTER TABLE orders ADD COLUMN paid_payment_id INTEGER REFERENCES payments(id);

-- Progress tracking: when the supplier last reported a change, and when an order was flagged as stuck.
ALTER TABLE orders ADD COLUMN last_progress_at INTEGER;
ALTER TABLE orders ADD COLUMN stuck_flagged_at INTEGER;
ALTER TABLE orders ADD COLUMN cancel_requested_at INTEGER;

CREATE TABLE refills (
  id                 INTEGER PRIMARY KEY,
  order_id           INTEGER NOT NULL REFERENCES orders(id),
  provider_refill_id TEXT,
  status             TEXT NOT NULL CHECK (status IN ('requested', 'pending', 'in_progress', 'completed', 'rejected')),
  raw_status         TEXT,
  last_error         TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX refills_order ON refills (order_id, id);
CREATE INDEX refills_open ON refills (status) WHERE status IN ('requested', 'pending', 'in_progress');

-- Who changed what, with the state before and after (admin actions: balance adjustments, refunds, order fixes).
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  actor      TEXT NOT NULL,                          -- 'cli', 'telegram:<id>', 'system'
  action     TEXT NOT NULL,
  subject    TEXT NOT NULL,                          -- e.g. 'order:12', 'customer:3'
  before     TEXT,                                   -- JSON
  after      TEXT,                                   -- JSON
  reason     TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_log_subject ON audit_log (subject, id);
