-- Payment gateways are plug-ins (`PaymentGateway` adapters keyed by id), so the database no longer
-- lists them: `payments.gateway` and `gateway_keys.gateway` take any gateway id (lower-case letters,
-- digits, '-' or '_', 2-32 characters), next to 'wallet' and 'stars'. PostgreSQL changes the
-- CHECKs in place (SQLite rebuilds both tables).
ALTER TABLE payments DROP CONSTRAINT payments_gateway_check;
ALTER TABLE payments ADD CONSTRAINT payments_gateway_check CHECK (gateway ~ '^[a-z0-9_-]{2,32}$');
-- Closed QR invoices of any gateway (wallet and Stars payments are never closed unpaid).
DROP INDEX payments_recently_closed;
CREATE INDEX payments_recently_closed ON payments (created_at) WHERE status IN ('expired', 'canceled');

ALTER TABLE gateway_keys DROP CONSTRAINT gateway_keys_gateway_check;
ALTER TABLE gateway_keys ADD CONSTRAINT gateway_keys_gateway_check CHECK (gateway ~ '^[a-z0-9_-]{2,32}$');
