-- The reconciler keeps asking Midtrans about invoices the shop closed (expired, withdrawn) for a day
-- afterwards, because a QR can still be settled after we stopped expecting it.
CREATE INDEX payments_recently_closed ON payments (created_at) WHERE status IN ('expired', 'canceled') AND gateway = 'midtrans';

-- Status sync pages through one supplier's orders in progress, a supplier call's worth at a time.
CREATE INDEX orders_sync ON orders (status, provider_id, id) WHERE provider_order_id IS NOT NULL;
