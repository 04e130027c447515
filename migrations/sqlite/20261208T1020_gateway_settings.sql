-- Payment gateway settings as rows, one per gateway and field, so a gateway's settings are whatever
-- its `PaymentGateway` descriptor lists instead of Midtrans' two key columns. Secret fields hold a
-- SecretBox envelope (sealed by the app, never plain text); the others hold the value itself.
-- The keys saved in `gateway_keys` move over still sealed (the app opens them with the associated
-- data they were sealed with, `gateway_keys:<gateway>:<field in snake_case>`). `gateway_keys` itself is left in place, unread from
-- now on: only the orders table may be rebuilt in this round, so dropping it is left to a later
-- migration; the app deletes a gateway's old row whenever its settings are saved or cleared.
CREATE TABLE gateway_settings (
  gateway    TEXT NOT NULL CHECK (length(gateway) BETWEEN 2 AND 32 AND gateway NOT GLOB '*[^a-z0-9_-]*'),
  field      TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 64),
  value      TEXT NOT NULL,
  secret     INTEGER NOT NULL CHECK (secret IN (0, 1)),
  updated_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (gateway, field)
) STRICT;

INSERT INTO gateway_settings (gateway, field, value, secret, updated_by, updated_at)
SELECT gateway, 'environment', environment, 0, updated_by, updated_at FROM gateway_keys
UNION ALL
SELECT gateway, 'serverKey', server_key, 1, updated_by, updated_at FROM gateway_keys
UNION ALL
SELECT gateway, 'clientKey', client_key, 1, updated_by, updated_at FROM gateway_keys WHERE client_key IS NOT NULL;
