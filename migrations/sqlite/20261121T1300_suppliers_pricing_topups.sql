-- Supplier families, pricing rules, backup suppliers, top-up products, sync reports.

-- Non-secret supplier configuration (which Indonesian panel, VIP price tier, …), JSON.
ALTER TABLE providers ADD COLUMN options TEXT NOT NULL DEFAULT '{}';

-- A price is per `unit_size` units: 1000 for SMM services, 1 for top-ups sold per item.
ALTER TABLE services RENAME COLUMN price_per_1000 TO unit_price;
ALTER TABLE services RENAME COLUMN cost_per_1000 TO unit_cost;
ALTER TABLE services ADD COLUMN unit_size INTEGER NOT NULL DEFAULT 1000;
-- What the customer must give: a link/@username, a game player id (with a zone when zone_required), a phone or customer number.
ALTER TABLE services ADD COLUMN target_kind TEXT NOT NULL DEFAULT 'link';
ALTER TABLE services ADD COLUMN zone_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE services ADD COLUMN brand TEXT NOT NULL DEFAULT '';
-- Facts read from the name, for a description when the supplier gives none.
ALTER TABLE services ADD COLUMN refill_days INTEGER;
ALTER TABLE services ADD COLUMN speed TEXT;
-- An admin's fixed unit price; wins over every margin rule.
ALTER TABLE services ADD COLUMN price_override INTEGER;
-- Why an otherwise listed service is not sold: 'admin' or 'below_cost'.
ALTER TABLE services ADD COLUMN disabled_reason TEXT;

ALTER TABLE quotes RENAME COLUMN price_per_1000 TO unit_price;
ALTER TABLE quotes ADD COLUMN unit_size INTEGER NOT NULL DEFAULT 1000;
ALTER TABLE quotes ADD COLUMN zone TEXT;
ALTER TABLE quotes ADD COLUMN nickname TEXT;

-- The catalog service an order is (or was last) placed on: the one bought, or a backup.
ALTER TABLE orders ADD COLUMN supplier_service_id INTEGER REFERENCES services(id);
ALTER TABLE orders ADD COLUMN zone TEXT;
ALTER TABLE orders ADD COLUMN nickname TEXT;
-- Serial number, voucher code or the supplier's last note.
ALTER TABLE orders ADD COLUMN supplier_note TEXT;
-- How many backups have been tried after definitive refusals.
ALTER TABLE orders ADD COLUMN failovers INTEGER NOT NULL DEFAULT 0;

-- Margin rules; the default margin lives in settings. The most specific rule wins:
-- a service's price_override, then service, category, supplier, default.
CREATE TABLE price_rules (
  id             INTEGER PRIMARY KEY,
  scope          TEXT NOT NULL CHECK (scope IN ('provider', 'category', 'service')),
  provider_id    INTEGER REFERENCES providers(id),
  category       TEXT COLLATE NOCASE,
  service_id     INTEGER REFERENCES services(id),
  margin_percent TEXT NOT NULL,                     -- exact decimal string, >= 0
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  CHECK ((scope = 'provider' AND provider_id IS NOT NULL) OR (scope = 'category' AND category IS NOT NULL) OR (scope = 'service' AND service_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX price_rules_target ON price_rules (scope, coalesce(provider_id, 0), coalesce(category, ''), coalesce(service_id, 0));

-- Alternative supplier services for a service, tried in priority order after a definitive failure.
CREATE TABLE service_backups (
  id                 INTEGER PRIMARY KEY,
  service_id         INTEGER NOT NULL REFERENCES services(id),
  backup_service_id  INTEGER NOT NULL REFERENCES services(id),
  priority           INTEGER NOT NULL,
  created_at         INTEGER NOT NULL,
  UNIQUE (service_id, backup_service_id),
  CHECK (service_id <> backup_service_id)
) STRICT;
CREATE INDEX service_backups_service ON service_backups (service_id, priority);

-- One row per import or re-sync, for the admin's history.
CREATE TABLE catalog_syncs (
  id                 INTEGER PRIMARY KEY,
  provider_id        INTEGER NOT NULL REFERENCES providers(id),
  trigger            TEXT NOT NULL,                 -- cli | schedule | admin | sandbox
  started_at         INTEGER NOT NULL,
  finished_at        INTEGER,
  received           INTEGER NOT NULL DEFAULT 0,
  imported           INTEGER NOT NULL DEFAULT 0,
  updated            INTEGER NOT NULL DEFAULT 0,
  unchanged          INTEGER NOT NULL DEFAULT 0,
  removed            INTEGER NOT NULL DEFAULT 0,
  repriced           INTEGER NOT NULL DEFAULT 0,
  disabled_below_cost INTEGER NOT NULL DEFAULT 0,
  skipped            INTEGER NOT NULL DEFAULT 0,
  error              TEXT
) STRICT;
CREATE INDEX catalog_syncs_provider ON catalog_syncs (provider_id, id);
