-- Several instances on one database (issue 13, point 3). On SQLite one process owns the database,
-- so these stay nearly unused there, but both trees keep the same tables.

-- Which instance holds a running job's lease: on a clean stop an instance hands back its own, and
-- only its own, so another instance takes them at once instead of after the lease runs out.
ALTER TABLE jobs ADD COLUMN leased_by TEXT;

-- "Once" per (name, slot) cluster-wide: a schedule's tick (slot = the tick's time), the Telegram
-- webhook registration (slot = a fingerprint of its settings). Only the instance whose insert
-- lands runs it; the others see the row and skip.
CREATE TABLE once_claims (
  name       TEXT NOT NULL,
  slot       TEXT NOT NULL,
  holder     TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  PRIMARY KEY (name, slot)
) WITHOUT ROWID;

-- A named lease one instance holds at a time and renews (Telegram polling: only one process may
-- call getUpdates); an expired one is free for the next taker.
CREATE TABLE leases (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  lease_until INTEGER NOT NULL
) WITHOUT ROWID;

-- A token bucket shared by every instance: Telegram's ~30 messages a second is per bot, not per process.
CREATE TABLE rate_buckets (
  name       TEXT PRIMARY KEY,
  tokens     REAL NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
