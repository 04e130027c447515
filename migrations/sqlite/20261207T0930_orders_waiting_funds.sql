-- A supplier out of funds is the shop's problem, not the customer's: the order waits in
-- 'waiting_funds' until the supplier is topped up (or a shop-set deadline refunds it).
-- SQLite cannot change a CHECK in place, so `orders` is rebuilt (the migration runner turns
-- foreign keys off around migrations and checks them before each one commits).
CREATE TABLE orders_v2 (
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
                         'canceled', 'unknown', 'refunded', 'expired', 'manual', 'waiting_funds')),
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
  updated_at           INTEGER NOT NULL,
  supplier_service_id  INTEGER REFERENCES services(id),
  zone                 TEXT,
  nickname             TEXT,
  supplier_note        TEXT,
  failovers            INTEGER NOT NULL DEFAULT 0,
  paid_with            TEXT,
  paid_payment_id      INTEGER REFERENCES payments(id),
  last_progress_at     INTEGER,
  stuck_flagged_at     INTEGER,
  cancel_requested_at  INTEGER,
  -- When the order started waiting for the supplier's funds: the refund deadline counts from here,
  -- and each wait keys its own resumed placement job.
  funds_waiting_since  INTEGER
) STRICT;

INSERT INTO orders_v2 (id, quote_id, customer_id, service_id, provider_id, target, quantity, amount, cost_amount, status,
                       placement_state, provider_order_id, provider_status, start_count, remains, last_status_check_at,
                       is_manual, admin_notes, attempts, last_error, paid_at, placed_at, finished_at, created_at, updated_at,
                       supplier_service_id, zone, nickname, supplier_note, failovers, paid_with, paid_payment_id,
                       last_progress_at, stuck_flagged_at, cancel_requested_at)
SELECT id, quote_id, customer_id, service_id, provider_id, target, quantity, amount, cost_amount, status,
       placement_state, provider_order_id, provider_status, start_count, remains, last_status_check_at,
       is_manual, admin_notes, attempts, last_error, paid_at, placed_at, finished_at, created_at, updated_at,
       supplier_service_id, zone, nickname, supplier_note, failovers, paid_with, paid_payment_id,
       last_progress_at, stuck_flagged_at, cancel_requested_at
FROM orders;

DROP TABLE orders;
ALTER TABLE orders_v2 RENAME TO orders;
CREATE INDEX orders_customer ON orders (customer_id, id);
CREATE INDEX orders_status ON orders (status);
CREATE INDEX orders_sync ON orders (status, provider_id, id) WHERE provider_order_id IS NOT NULL;
CREATE INDEX orders_paid_at ON orders (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_created_at ON orders (created_at);
CREATE INDEX orders_waiting_funds ON orders (provider_id, id) WHERE status = 'waiting_funds';

-- Per supplier: alert admins when its balance (in rupiah) falls below this (NULL: no alert), and
-- remember when admins were last told, so one empty supplier is one alert, not one per order.
ALTER TABLE providers ADD COLUMN low_balance_threshold INTEGER;
ALTER TABLE providers ADD COLUMN low_balance_alerted_at INTEGER;
ALTER TABLE providers ADD COLUMN out_of_funds_alerted_at INTEGER;
