-- Payment gateway settings as rows, one per gateway and field (the SQLite file of the same name says
-- why). Secret fields hold a SecretBox envelope; the keys saved in `gateway_keys` move over still
-- sealed, and `gateway_keys` is left in place, unread from now on.
CREATE TABLE gateway_settings (
  gateway    TEXT NOT NULL CHECK (gateway ~ '^[a-z0-9_-]{2,32}$'),
  field      TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 64),
  value      TEXT NOT NULL,
  secret     SMALLINT NOT NULL CHECK (secret IN (0, 1)),
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (gateway, field)
);

INSERT INTO gateway_settings (gateway, field, value, secret, updated_by, updated_at)
SELECT gateway, 'environment', environment, 0, updated_by, updated_at FROM gateway_keys
UNION ALL
SELECT gateway, 'serverKey', server_key, 1, updated_by, updated_at FROM gateway_keys
UNION ALL
SELECT gateway, 'clientKey', client_key, 1, updated_by, updated_at FROM gateway_keys WHERE client_key IS NOT NULL;
