-- A supplier out of funds is the shop's problem, not the customer's: the order waits in
-- 'waiting_funds' until the supplier is topped up (or a shop-set deadline refunds it).
-- PostgreSQL changes the CHECK in place (SQLite rebuilds the table).
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (
  'awaiting_payment', 'paid', 'placing', 'processing', 'completed', 'partial',
  'canceled', 'unknown', 'refunded', 'expired', 'manual', 'waiting_funds'));
-- When the order started waiting for the supplier's funds: the refund deadline counts from here,
-- and each wait keys its own resumed placement job.
ALTER TABLE orders ADD COLUMN funds_waiting_since bigint;
CREATE INDEX orders_waiting_funds ON orders (provider_id, id) WHERE status = 'waiting_funds';

-- Per supplier: alert admins when its balance (in rupiah) falls below this (NULL: no alert), and
-- remember when admins were last told, so one empty supplier is one alert, not one per order.
ALTER TABLE providers ADD COLUMN low_balance_threshold bigint;
ALTER TABLE providers ADD COLUMN low_balance_alerted_at bigint;
ALTER TABLE providers ADD COLUMN out_of_funds_alerted_at bigint;
