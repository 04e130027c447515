-- Several instances on one database (issue 13, point 3); the SQLite file of the same name says why
-- each table exists.
ALTER TABLE jobs ADD COLUMN leased_by TEXT;

CREATE TABLE once_claims (
  name       TEXT NOT NULL,
  slot       TEXT NOT NULL,
  holder     TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  PRIMARY KEY (name, slot)
);

CREATE TABLE leases (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  lease_until BIGINT NOT NULL
);

CREATE TABLE rate_buckets (
  name       TEXT PRIMARY KEY,
  tokens     DOUBLE PRECISION NOT NULL,
  updated_at BIGINT NOT NULL
);
